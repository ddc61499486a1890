using AdaHessian.MLNet.Data;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Tests.Data;

public sealed class FeatureMatrixBuilderTests
{
    [Fact]
    public void Dense_rows_fill_a_buffer_sized_from_the_row_capacity_without_a_copy()
    {
        var builder = new FeatureMatrixBuilder(2, rowCapacity: 2);
        builder.Add(new VBuffer<float>(2, [1f, 2f]));
        builder.Add(new VBuffer<float>(2, [3f, 0f]));

        var matrix = builder.Build();

        Assert.False(matrix.IsSparse);
        Assert.Equal([1f, 2, 3, 0], matrix.ToDenseArray());
    }

    [Fact]
    public void A_sparse_first_row_starts_sparse_and_explicit_zeros_are_dropped()
    {
        var builder = new FeatureMatrixBuilder(5, rowCapacity: 1_000_000_000);
        builder.Add(new VBuffer<float>(5, 2, [0f, 4f], [1, 3]));
        builder.Add(new VBuffer<float>(5, [0f, 0f, 0f, 0f, 9f]));

        var matrix = builder.Build();

        Assert.True(matrix.IsSparse);
        Assert.Equal(2, matrix.StoredValueCount);
        Assert.Equal([0f, 0, 0, 4, 0, 0, 0, 0, 0, 9], matrix.ToDenseArray());
    }

    [Fact]
    public void No_rows_build_an_empty_dense_matrix()
    {
        var matrix = new FeatureMatrixBuilder(3, rowCapacity: 0).Build();

        Assert.Equal((0, 3, false), (matrix.RowCount, matrix.ColumnCount, matrix.IsSparse));
    }

    [Fact]
    public void A_row_of_the_wrong_length_throws()
    {
        var builder = new FeatureMatrixBuilder(3, rowCapacity: 1);

        Assert.Throws<InvalidOperationException>(() => builder.Add(new VBuffer<float>(2, [1f, 2f])));
    }

    [Fact]
    public void ArrayBuilder_grows_and_hands_over_an_exactly_filled_buffer()
    {
        var exact = new ArrayBuilder<int>(3);
        exact.Add([1, 2]);
        exact.Add(3);
        var grown = new ArrayBuilder<int>(0);
        for (int i = 0; i < 100; i++)
        {
            grown.Add(i);
        }

        Assert.Equal([1, 2, 3], exact.ToArray());
        Assert.Same(exact.ToArray(), exact.ToArray());
        Assert.Equal(Enumerable.Range(0, 100), grown.ToArray());
    }
}
