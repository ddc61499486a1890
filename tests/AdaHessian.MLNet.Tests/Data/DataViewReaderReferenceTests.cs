using AdaHessian.Data;
using AdaHessian.MLNet.Data;
using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>
/// DataViewReader against <see cref="ReferenceReading"/>, bit for bit, on dense, sparse, mixed, skipped-row and
/// weighted inputs, with known and unknown row counts: the layout (dense iff every kept row is dense), every value's
/// bits (a dense matrix keeps negative zeros, a CSR one holds only non-zeros), labels, weights and the counts.
/// </summary>
public sealed class DataViewReaderReferenceTests
{
    public static TheoryData<string> Cases => new(CaseRows.Keys);

    private static readonly Dictionary<string, Func<WeightedRow[]>> CaseRows = new()
    {
        ["dense"] = () => Weighted(Dense(60, 5, seed: 4).Select(r => new VBuffer<float>(5, r.Features))),
        ["sparse"] = () => Weighted(Sparse(120, 40, density: 0.1, seed: 5).Select(r => r.Features)),
        ["dense then sparse"] = () => Mixed(denseFirst: true),
        ["sparse then dense"] = () => Mixed(denseFirst: false),
        ["sparse with skipped rows"] = SparseWithSkippedRows,
        ["dense with skipped rows"] = () => Weighted(Dense(30, 3, seed: 6).Select((r, i) =>
            new VBuffer<float>(3, i % 4 == 1 ? [r.Features[0], float.NaN, r.Features[2]] : r.Features))),
        ["dense, mostly zeros"] = () => Weighted(Sparse(200, 30, density: 0.2, seed: 11).Select((r, i) =>
            new VBuffer<float>(30, [.. r.Features.DenseValues().Select((v, j) => v == 0 && (i + j) % 5 == 0 ? -0f : v)]))),
        ["wide, dense first"] = () => Wide(denseEvery: 50, offset: 0),
        ["wide, sparse first"] = () => Wide(denseEvery: 50, offset: 7),
        ["only sparse row skipped"] = () =>
        [
            new() { Features = new VBuffer<float>(3, [1f, 0f, 2f]) },
            new() { Features = new VBuffer<float>(3, 1, [float.PositiveInfinity], [2]) },
            new() { Features = new VBuffer<float>(3, [0f, 3f, 0f]) },
        ],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unweighted_reading_matches_the_reference(string name)
    {
        var data = Load(new MLContext(seed: 1), CaseRows[name](), Width(name));

        AssertMatches(ReferenceReading.Read(data, null), Read(data, weightColumn: null));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weighted_reading_matches_the_reference(string name)
    {
        var rows = CaseRows[name]();
        float[] weights = [1f, 0.5f, 0f, -1f, float.NaN, 2.5f, float.PositiveInfinity, -0f, 3f];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i].Weight = weights[i % weights.Length];
        }

        var data = Load(new MLContext(seed: 1), rows, Width(name));

        AssertMatches(ReferenceReading.Read(data, "Weight"), Read(data, "Weight"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reading_data_of_unknown_row_count_matches_the_reference(string name)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.FilterRowsByColumn(Load(ml, CaseRows[name](), Width(name)), "Weight", lowerBound: 0, upperBound: 2);
        Assert.Null(data.GetRowCount());

        AssertMatches(ReferenceReading.Read(data, null), Read(data, weightColumn: null));
    }

    [Fact]
    public void Sparse_rows_whose_weights_are_all_zero_give_no_dataset()
    {
        var rows = Weighted(Sparse(10, 8, density: 0.3, seed: 7).Select(r => r.Features));
        foreach (var row in rows)
        {
            row.Weight = 0f;
        }

        var data = Load(new MLContext(seed: 1), rows, 8);
        var result = Read(data, "Weight");

        Assert.Null(result.Dataset);
        Assert.Equal(10, result.KeptCount);
    }

    private static int Width(string name) => CaseRows[name]()[0].Features.Length;

    private static WeightedRow[] Weighted(IEnumerable<VBuffer<float>> features) =>
        features.Select((x, i) => new WeightedRow { Features = x, Label = i % 3 == 0 }).ToArray();

    // Dense rows with zeros and negative zeros, and sparse rows with explicit zeros, interleaved.
    private static WeightedRow[] Mixed(bool denseFirst)
    {
        var sparse = Sparse(40, 6, density: 0.4, seed: 9);
        var rows = new List<VBuffer<float>>();
        for (int i = 0; i < sparse.Length; i++)
        {
            float[] d = sparse[i].Features.DenseValues().ToArray();
            if ((i % 3 == 0) == denseFirst)
            {
                d[5] = d[5] == 0 ? -0f : d[5];
                rows.Add(new VBuffer<float>(6, d));
                continue;
            }

            // One stored zero (positive or negative) at the first column the row does not use.
            int zeroAt = Array.IndexOf(d, 0f);
            if (zeroAt >= 0)
            {
                d[zeroAt] = i % 2 == 0 ? 0f : -0f;
            }

            int[] stored = [.. Enumerable.Range(0, 6).Where(j => d[j] != 0 || j == zeroAt)];
            rows.Add(new VBuffer<float>(6, stored.Length, [.. stored.Select(j => d[j])], stored));
        }

        return Weighted(rows);
    }

    // 400 rows of 3,000 columns, sparse but every denseEvery-th (from offset) dense, full or half zeros with some -0:
    // rows long enough to straddle the reader's blocks.
    private static WeightedRow[] Wide(int denseEvery, int offset)
    {
        var sparse = Sparse(400, 3000, density: 0.01, seed: 12);
        return Weighted(sparse.Select((r, i) =>
        {
            if (i % denseEvery != offset)
            {
                return r.Features;
            }

            bool half = i / denseEvery % 2 == 1;
            return new VBuffer<float>(3000, [.. Enumerable.Range(0, 3000).Select(j =>
                half && j % 2 == 0 ? (j % 6 == 0 ? -0f : 0f) : 1f + (j % 11))]);
        }));
    }

    private static WeightedRow[] SparseWithSkippedRows()
    {
        var rows = Weighted(Sparse(50, 12, density: 0.25, seed: 10).Select(r => r.Features));
        for (int i = 0; i < rows.Length; i += 5)
        {
            var x = rows[i].Features;
            if (x.GetValues().Length > 0)
            {
                float[] values = x.GetValues().ToArray();
                values[^1] = i % 10 == 0 ? float.NaN : float.NegativeInfinity;
                rows[i].Features = new VBuffer<float>(12, values.Length, values, x.GetIndices().ToArray());
            }
        }

        return rows;
    }

    private static DataViewReader.Result Read(IDataView data, string? weightColumn) =>
        DataViewReader.Read(data, SchemaValidation.Check(data.Schema, new AdaHessianTrainer.Options { ExampleWeightColumnName = weightColumn }));

    private static void AssertMatches(ReferenceReading.Expected expected, DataViewReader.Result actual)
    {
        Assert.Equal((expected.RowCount, expected.SkippedCount, expected.Labels.Length),
            (actual.RowCount, actual.SkippedCount, actual.KeptCount));
        if (expected.Labels.Length == 0 || !(expected.TotalWeight > 0))
        {
            Assert.Null(actual.Dataset);
            return;
        }

        var dataset = actual.Dataset!;
        FeatureMatrix m = dataset.Features;
        Assert.Equal((expected.Sparse, expected.Labels.Length), (m.IsSparse, m.RowCount));
        for (int i = 0; i < m.RowCount; i++)
        {
            float[] row = expected.DenseRows[i];
            int[] stored = expected.Sparse ? expected.NonZeroColumns[i] : [.. Enumerable.Range(0, row.Length)];
            Assert.Equal(Bits(stored.Select(j => row[j])), Bits(m.Row(i).Values.ToArray()));
            if (expected.Sparse)
            {
                Assert.Equal(stored, m.Row(i).Indices.ToArray());
            }
        }

        Assert.Equal(Bits(expected.Labels), Bits(dataset.Labels));
        Assert.Equal(expected.Weights is null ? null : Bits(expected.Weights), dataset.Weights is null ? null : Bits(dataset.Weights));
        Assert.Equal(expected.TotalWeight, dataset.TotalWeight);
    }

    private static int[] Bits(IEnumerable<float> values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

    /// <summary>A row whose features may be dense or sparse, with a weight.</summary>
    public sealed class WeightedRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; } = 1f;
    }
}
