using AdaHessian.MLNet.Data;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Tests.Data;

public sealed class FeatureCollectorTests
{
    [Fact]
    public void Dense_rows_give_a_dense_matrix_with_every_value_bit_for_bit()
    {
        // The second and third rows are mostly zeros, so they are stored as their non-zero bits.
        VBuffer<float>[] rows = [new(4, [1f, 2f, -0f, 3f]), new(4, [0f, -0f, 0f, 5f]), new(4, [0f, 0f, 0f, 0f])];
        var collector = Collect(4, rows);

        var matrix = collector.Build();

        Assert.False(matrix.IsSparse);
        Assert.Equal(Bits(rows.SelectMany(r => r.DenseValues())), Bits(matrix.ToDenseArray()));
        Assert.Equal(4, collector.NonZeroCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_sparse_row_makes_every_row_a_row_of_non_zeros(bool sparseFirst)
    {
        VBuffer<float> sparse = new(5, 3, [0f, 4f, -0f], [1, 3, 4]);
        VBuffer<float>[] dense = [new(5, [0f, 0f, 0f, 0f, 9f]), new(5, [1f, -0f, 0f, 2f, 0f]), new(5, [1f, 2f, 3f, 4f, -0f])];
        VBuffer<float>[] rows = sparseFirst ? [sparse, .. dense] : [.. dense, sparse];
        var collector = Collect(5, rows);

        var matrix = collector.Build();

        Assert.True(matrix.IsSparse);
        Assert.Equal(8, collector.NonZeroCount);
        Assert.Equal(8, matrix.StoredValueCount);
        Assert.All(Enumerable.Range(0, 4), i => Assert.DoesNotContain(0f, matrix.Row(i).Values.ToArray()));
        Assert.Equal(Bits(rows.SelectMany(r => r.DenseValues()).Select(v => v == 0 ? 0f : v)), Bits(matrix.ToDenseArray()));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(FeatureCollector.PresizeAfterRows + 300)]
    [InlineData(5)]
    public void Room_taken_for_a_dense_matrix_gives_the_matrix_of_the_same_rows_without_it(int sparseRow)
    {
        // Rows of 6 values, every third mostly zeros (stored as its non-zero bits before the room is taken), negative
        // zeros here and there; one sparse row at sparseRow (none for −1) turns the matrix into CSR.
        const int width = 6, count = FeatureCollector.PresizeAfterRows + 700;
        var random = new Random(3);
        VBuffer<float>[] rows = [.. Enumerable.Range(0, count).Select(i => i == sparseRow
            ? new VBuffer<float>(width, 2, [1.5f, -0f], [1, 4])
            : new VBuffer<float>(width, [.. Enumerable.Range(0, width).Select(j =>
                i % 3 == 0 && j != i % width ? (j % 2 == 0 ? 0f : -0f) : (float)random.NextDouble() - 0.5f)]))];
        var plain = Collect(width, rows);
        var presized = new FeatureCollector("Features", width, count, presizedValues: (long)count * width);
        foreach (var row in rows)
        {
            presized.Add(row);
        }

        var expected = plain.Build();
        var actual = presized.Build();

        Assert.Equal(expected.IsSparse, actual.IsSparse);
        Assert.Equal(sparseRow >= 0, actual.IsSparse);
        Assert.Equal(expected.StoredValueCount, actual.StoredValueCount);
        Assert.Equal(Bits(expected.ToDenseArray()), Bits(actual.ToDenseArray()));
        Assert.Equal(plain.NonZeroCount, presized.NonZeroCount);
    }

    [Fact]
    public void Building_twice_or_adding_after_building_throws()
    {
        var collector = Collect(2, [new(2, [1f, 0f])]);
        collector.Build();

        Assert.Throws<InvalidOperationException>(() => collector.Build());
        Assert.Throws<InvalidOperationException>(() => collector.Add(new VBuffer<float>(2, [1f, 0f])));
    }

    private static FeatureCollector Collect(int width, VBuffer<float>[] rows)
    {
        var collector = new FeatureCollector("Features", width, expectedRows: 0);
        foreach (var row in rows)
        {
            collector.Add(row);
        }

        return collector;
    }

    private static int[] Bits(IEnumerable<float> values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
