using AdaHessian.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;
using static AdaHessian.MLNet.Tests.Data.DataViewReaderReferenceTests;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>
/// What <see cref="DataViewReader.Read"/> allocates, measured on cached views (so only the reader is counted) against
/// the arrays the result holds.
/// </summary>
public sealed class DataViewReaderMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Sparse_reading_allocates_a_small_multiple_of_the_matrix()
    {
        const int rows = 20_000, columns = 1_000, perRow = 10;
        var data = Cached(Sparse(rows, columns, density: perRow / (double)columns, seed: 8)
            .Select(r => new WeightedRow { Features = r.Features, Label = r.Label }), columns);

        var (held, allocated) = Measure(data);

        Assert.InRange(allocated, held, 3 * held);
    }

    [Fact]
    public void Dense_rows_of_a_known_count_are_read_into_their_final_array_without_a_copy()
    {
        const int rows = 20_000, columns = 200;
        var random = new Random(4);
        var data = Cached(Enumerable.Range(0, rows).Select(i => new WeightedRow
        {
            Features = new VBuffer<float>(columns, [.. Enumerable.Range(0, columns).Select(_ => (float)random.NextDouble())]),
            Label = i % 2 == 0,
        }), columns);
        Assert.Equal(rows, data.GetRowCount());

        var (held, allocated) = Measure(data);

        // Collecting then copying allocated about twice the matrix; now the rest is the first 1,024 rows, collected
        // before the room is taken (5 % of these rows), and the cursor's buffers.
        Assert.InRange(allocated, held, 1.15 * held);
    }

    [Theory]
    [InlineData(null, 100, long.MaxValue, 0L)]
    [InlineData(1_000L, 100, long.MaxValue, 0L)]
    [InlineData(10_000L, 100, long.MaxValue, 1_000_000L)]
    [InlineData(10_000L, 100, 8_000_000L, 1_000_000L)]
    [InlineData(10_000L, 100, 7_999_999L, 0L)]
    [InlineData(10_000_000_000L, 100, long.MaxValue, 0L)]
    public void Room_is_taken_only_for_a_known_count_of_rows_whose_matrix_takes_at_most_half_the_limit(long? rows, int width,
        long byteLimit, long expected) =>
        Assert.Equal(expected, DataViewReader.PresizedValues(rows, width, byteLimit));

    // 8,000 rows × 100,000 declared features, one of them dense: reserving rows × width floats at the dense row
    // would be 3.2 GB, the matrix itself is about 1.5 MB.
    [Theory]
    [InlineData(0)]
    [InlineData(Rows / 2)]
    [InlineData(Rows - 1)]
    public void One_dense_row_among_wide_sparse_rows_allocates_a_small_multiple_of_the_matrix(int denseRow)
    {
        var (held, allocated) = Measure(Cached(WideRows(denseRow), Width));

        Assert.InRange(allocated, held, 3 * held);
        Assert.True(allocated < 50L << 20, $"{allocated} bytes");
    }

    [Fact]
    public void The_row_order_hardly_changes_what_is_allocated()
    {
        var (_, denseFirst) = Measure(Cached(WideRows(denseRow: 0), Width));
        var (_, denseLast) = Measure(Cached(WideRows(denseRow: Rows - 1), Width));

        Assert.InRange(denseFirst, denseLast * 8 / 10, denseLast * 12 / 10);
    }

    private const int Rows = 8_000, Width = 100_000, PerRow = 10;

    // Sparse rows of PerRow non-zeros, except row denseRow: a dense vector with every value non-zero.
    private static IEnumerable<WeightedRow> WideRows(int denseRow)
    {
        var random = new Random(12);
        for (int i = 0; i < Rows; i++)
        {
            VBuffer<float> x;
            if (i == denseRow)
            {
                x = new VBuffer<float>(Width, [.. Enumerable.Range(0, Width).Select(j => 1f + (j % 7))]);
            }
            else
            {
                int[] indices = [.. Enumerable.Range(0, PerRow).Select(_ => random.Next(Width)).Distinct().Order()];
                x = new VBuffer<float>(Width, indices.Length, [.. indices.Select(j => 0.5f + (j % 3))], indices);
            }

            yield return new WeightedRow { Features = x, Label = i % 2 == 0 };
        }
    }

    private static IDataView Cached(IEnumerable<WeightedRow> rows, int width)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.Cache(Load(ml, rows.ToArray(), width));
        using (var cursor = data.GetRowCursor(data.Schema)) // fills the cache, so only the reader is measured
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(data.Schema["Features"]);
            var getLabel = cursor.GetGetter<bool>(data.Schema["Label"]);
            VBuffer<float> x = default;
            bool y = false;
            while (cursor.MoveNext())
            {
                getFeatures(ref x);
                getLabel(ref y);
            }
        }

        return data;
    }

    // The bytes the result holds (values, column indices or none, row starts, labels) and the bytes Read allocated.
    private (long Held, long Allocated) Measure(IDataView data)
    {
        var columns = SchemaValidation.Check(data.Schema, new AdaHessianTrainer.Options());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var dataset = DataViewReader.Read(data, columns).Dataset!;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long held = dataset.Features.DataBytes + 4L * (dataset.RowCount + 1) + 4L * dataset.Labels.Length;
        output.WriteLine($"{dataset.RowCount} rows, {dataset.Features.StoredValueCount} stored values: {held} bytes held, {allocated} allocated");
        return (held, allocated);
    }
}
