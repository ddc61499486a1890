using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Tests.TestSupport;

/// <summary>
/// The reading rules stated plainly, for comparison with DataViewReader: one cursor pass; a row is skipped when a
/// stored feature value is not finite or its weight is negative or not finite; the kept rows form a dense matrix
/// when all of them arrived dense, otherwise a CSR matrix holding the non-zero values of every kept row.
/// </summary>
internal static class ReferenceReading
{
    public static Expected Read(IDataView data, string? weightColumn)
    {
        var schema = data.Schema;
        var columns = new List<DataViewSchema.Column> { schema["Features"], schema["Label"] };
        if (weightColumn is not null)
        {
            columns.Add(schema[weightColumn]);
        }

        var dense = new List<float[]>();
        var labels = new List<float>();
        var weights = new List<float>();
        bool anySparse = false;
        long rows = 0, skipped = 0;
        using var cursor = data.GetRowCursor(columns);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(schema["Features"]);
        var getLabel = cursor.GetGetter<bool>(schema["Label"]);
        var getWeight = weightColumn is null ? null : cursor.GetGetter<float>(schema[weightColumn]);
        while (cursor.MoveNext())
        {
            rows++;
            VBuffer<float> x = default;
            bool y = false;
            float w = 1f;
            getFeatures(ref x);
            getLabel(ref y);
            getWeight?.Invoke(ref w);
            bool finite = x.GetValues().ToArray().All(float.IsFinite);
            if (!finite || float.IsNaN(w) || float.IsInfinity(w) || w < 0)
            {
                skipped++;
                continue;
            }

            anySparse |= !x.IsDense;
            dense.Add(x.DenseValues().ToArray());
            labels.Add(y ? 1f : 0f);
            weights.Add(w);
        }

        var sparseRows = dense
            .Select(r => Enumerable.Range(0, r.Length).Where(j => r[j] != 0).ToArray())
            .ToList();
        return new Expected(anySparse, dense, sparseRows, [.. labels], weightColumn is null ? null : [.. weights],
            rows, skipped);
    }

    /// <summary>What a reading must produce.</summary>
    /// <param name="Sparse">Whether the matrix is CSR.</param>
    /// <param name="DenseRows">Every kept row with all its columns.</param>
    /// <param name="NonZeroColumns">The columns a CSR matrix stores for each kept row.</param>
    /// <param name="Labels">0/1 labels of the kept rows.</param>
    /// <param name="Weights">Weights of the kept rows, or null without a weight column.</param>
    /// <param name="RowCount">Rows the cursor returned.</param>
    /// <param name="SkippedCount">Rows skipped.</param>
    internal sealed record Expected(bool Sparse, List<float[]> DenseRows, List<int[]> NonZeroColumns, float[] Labels,
        float[]? Weights, long RowCount, long SkippedCount)
    {
        public double TotalWeight => Weights?.Aggregate(0.0, (sum, w) => sum + w) ?? Labels.Length;
    }
}
