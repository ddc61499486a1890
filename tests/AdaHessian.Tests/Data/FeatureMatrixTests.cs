using AdaHessian.Data;

namespace AdaHessian.Tests.Data;

public class FeatureMatrixTests
{
    [Fact]
    public void Sparse_rows_expose_their_non_zeros_and_densify_correctly()
    {
        // [[0, 2, 0, 3], [0, 0, 0, 0], [5, 0, 0, -1]]
        var m = FeatureMatrix.Sparse(3, 4, [0, 2, 2, 4], [1, 3, 0, 3], [2f, 3f, 5f, -1f]);

        Assert.True(m.IsSparse);
        Assert.Equal(4, m.StoredValueCount);
        Assert.Equal(4 * 4 + 4 * 4, m.DataBytes);
        Assert.Equal([2f, 3f], m.Row(0).Values.ToArray());
        Assert.Equal([1, 3], m.Row(0).Indices.ToArray());
        Assert.Equal(0, m.Row(1).Values.Length);
        Assert.Equal([0f, 2f, 0f, 3f, 0f, 0f, 0f, 0f, 5f, 0f, 0f, -1f], m.ToDenseArray());
    }

    [Fact]
    public void Dense_rows_are_slices_of_the_row_major_array()
    {
        var m = FeatureMatrix.Dense(2, 3, [1f, 2f, 3f, 4f, 5f, 6f]);

        Assert.False(m.IsSparse);
        Assert.Equal([4f, 5f, 6f], m.Row(1).Values.ToArray());
        Assert.Equal(0, m.Row(1).Indices.Length);
        Assert.Equal(24, m.DataBytes);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => m.Row(2)).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => m.Row(-1)).ParamName);
    }

    [Fact]
    public void Dense_length_must_be_rows_times_columns()
    {
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureMatrix.Dense(2, 3, new float[5])).ParamName);
        Assert.Equal("rowCount", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureMatrix.Dense(-1, 3, [])).ParamName);
        Assert.Equal("columnCount", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureMatrix.Dense(1, -3, [])).ParamName);
    }

    public static TheoryData<string, int, int, int[], int[], float[], string> InvalidCsr => new()
    {
        { "too few row starts", 2, 3, [0, 1], [0], [1f], "rowStarts" },
        { "first start not 0", 1, 3, [1, 1], [], [], "rowStarts" },
        { "last start not the value count", 1, 3, [0, 1], [0, 1], [1f, 2f], "rowStarts" },
        { "row ends before it starts", 2, 3, [0, 2, 1], [0, 1], [1f, 2f], "rowStarts" },
        { "row runs past the values", 2, 3, [0, 5, 3], [0, 1, 2], [1f, 2f, 3f], "rowStarts" },
        { "one index per value", 1, 3, [0, 2], [0], [1f, 2f], "columnIndices" },
        { "negative column", 1, 3, [0, 1], [-1], [1f], "columnIndices" },
        { "column past the end", 1, 3, [0, 1], [3], [1f], "columnIndices" },
        { "duplicate column", 1, 3, [0, 2], [1, 1], [1f, 2f], "columnIndices" },
        { "decreasing columns", 1, 3, [0, 2], [2, 0], [1f, 2f], "columnIndices" },
        { "negative row count", -1, 3, [0], [], [], "rowCount" },
    };

    [Theory]
    [MemberData(nameof(InvalidCsr))]
    public void Invalid_csr_is_rejected_naming_the_array(string why, int rows, int columns, int[] starts, int[] indices,
        float[] values, string paramName)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FeatureMatrix.Sparse(rows, columns, starts, indices, values));
        Assert.True(paramName == e.ParamName, $"{why}: ParamName {e.ParamName}");
    }

    [Fact]
    public void Stored_value_count_of_rows_sums_their_lengths_and_stops_at_the_cap()
    {
        // Row lengths 2, 0, 3.
        var sparse = FeatureMatrix.Sparse(3, 4, [0, 2, 2, 5], [0, 3, 0, 1, 2], [1f, 2f, 3f, 4f, 5f]);
        var dense = FeatureMatrix.Dense(3, 4, new float[12]);

        Assert.Equal(7, sparse.StoredValueCountOf([2, 0, 1, 0]));
        Assert.Equal(4, sparse.StoredValueCountOf([2, 0, 1, 0], atMost: 4));
        Assert.Equal(12, dense.StoredValueCountOf([2, 0, 1]));
        Assert.Equal(5, dense.StoredValueCountOf([2, 0, 1], atMost: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => sparse.StoredValueCountOf([1, 3]));
    }
}
