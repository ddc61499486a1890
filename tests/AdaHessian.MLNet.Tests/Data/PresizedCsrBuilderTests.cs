using AdaHessian.MLNet.Data;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Tests.Data;

public sealed class PresizedCsrBuilderTests
{
    [Fact]
    public void Dense_and_sparse_rows_are_stored_as_their_non_zeros()
    {
        VBuffer<float>[] rows = [new(5, 2, [0f, 4f], [1, 3]), new(5, [0f, 0f, 0f, 0f, 9f]), new(5, [1f, -0f, 0f, 2f, 0f])];
        int nonZeros = rows.Sum(r => PresizedCsrBuilder.CountNonZeros(r.GetValues()));
        var builder = new PresizedCsrBuilder(5, rows.Length, nonZeros);

        Assert.All(rows, r => Assert.True(builder.TryAdd(r)));
        var matrix = builder.Build();

        Assert.Equal(4, nonZeros);
        Assert.True(matrix.IsSparse);
        Assert.Equal(nonZeros, matrix.StoredValueCount);
        Assert.Equal(rows.SelectMany(r => r.DenseValues()).Select(v => v == 0 ? 0f : v), matrix.ToDenseArray());
    }

    [Fact]
    public void A_row_beyond_the_announced_counts_is_refused_and_leaves_the_builder_unchanged()
    {
        var builder = new PresizedCsrBuilder(3, rowCount: 2, nonZeroCount: 2);

        Assert.True(builder.TryAdd(new VBuffer<float>(3, [1f, 0f, 0f])));
        Assert.False(builder.TryAdd(new VBuffer<float>(3, [2f, 3f, 0f])));
        Assert.True(builder.TryAdd(new VBuffer<float>(3, 1, [4f], [2])));
        Assert.False(builder.TryAdd(new VBuffer<float>(3, [0f, 0f, 0f])));

        Assert.True(builder.IsComplete);
        Assert.Equal([1f, 0, 0, 0, 0, 4], builder.Build().ToDenseArray());
    }

    [Fact]
    public void Building_before_every_announced_row_arrived_throws()
    {
        var builder = new PresizedCsrBuilder(2, rowCount: 2, nonZeroCount: 1);
        builder.TryAdd(new VBuffer<float>(2, [0f, 1f]));

        Assert.False(builder.IsComplete);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
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
