using AdaHessian.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// Reads the training columns of an <see cref="IDataView"/>, through the public cursor API, into a compact
/// <see cref="LogisticDataset"/>: row-major dense while every kept row is dense, and compressed sparse rows (non-zeros
/// only) as soon as one kept row is sparse. Rows with a non-finite feature or weight, or a negative weight, are skipped
/// and counted, as ML.NET's own trainers do.
/// </summary>
/// <remarks>
/// Dense data is read in one pass, straight into its final array when the row count is known. Sparse data is read in
/// two: the CSR length is only known at the end of the data, and collecting it in growing buffers, then copying those
/// into the exact-length arrays <see cref="FeatureMatrix.Sparse"/> takes, peaked at about twice the matrix. A first
/// pass counts the kept rows and their non-zeros, the second fills arrays allocated at their final length. The
/// extra pass reads the features and weights only; an uncached text loader parses the file once more for it.
/// </remarks>
internal static class DataViewReader
{
    /// <summary>Reads <paramref name="data"/>.</summary>
    /// <param name="data">The training data; sparse data must return the same rows on every cursor.</param>
    /// <param name="columns">The checked columns of <paramref name="data"/>.</param>
    /// <exception cref="InvalidOperationException">
    /// A kept row has the wrong vector size, the data needs more values than one array holds, or sparse data returned
    /// different rows on different cursors.
    /// </exception>
    public static Result Read(IDataView data, TrainingColumns columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columns);
        return ReadDense(data, columns) ?? ReadSparse(data, columns);
    }

    // Null at the first kept sparse row: from there on the matrix is CSR, which ReadSparse sizes before filling.
    private static Result? ReadDense(IDataView data, TrainingColumns columns)
    {
        int featureCount = ((VectorDataViewType)columns.Features.Type).Size;
        long capacity = data.GetRowCount() ?? 1024;
        ArrayBuilder<float>? values = null, labels = null, weights = null;
        double totalWeight = 0;
        int kept = 0;
        using var cursor = new KeptRowCursor(data, columns, readLabel: true);
        while (cursor.MoveNextKept())
        {
            ref readonly VBuffer<float> x = ref cursor.Features;
            if (!x.IsDense)
            {
                return null;
            }

            if (values is null)
            {
                // Allocated at the first kept row, once it shows the data is dense: sparse data never needs them.
                values = new ArrayBuilder<float>(capacity * featureCount);
                labels = new ArrayBuilder<float>(capacity);
                weights = columns.Weight is null ? null : new ArrayBuilder<float>(capacity);
            }

            values.Add(x.GetValues());
            labels!.Add(cursor.Label ? 1f : 0f);
            weights?.Add(cursor.Weight);
            totalWeight += cursor.Weight;
            kept++;
        }

        LogisticDataset? dataset = kept > 0 && totalWeight > 0
            ? new LogisticDataset(FeatureMatrix.Dense(kept, featureCount, values!.ToArray()), labels!.ToArray(), weights?.ToArray())
            : null;
        return new Result(dataset, cursor.RowCount, cursor.SkippedCount, kept);
    }

    private static Result ReadSparse(IDataView data, TrainingColumns columns)
    {
        int featureCount = ((VectorDataViewType)columns.Features.Type).Size;
        long rows, skipped, kept = 0, nonZeros = 0;
        bool anySparse = false;
        using (var counter = new KeptRowCursor(data, columns, readLabel: false))
        {
            while (counter.MoveNextKept())
            {
                kept++;
                nonZeros += PresizedCsrBuilder.CountNonZeros(counter.Features.GetValues());
                anySparse |= !counter.Features.IsDense;
            }

            (rows, skipped) = (counter.RowCount, counter.SkippedCount);
        }

        ArrayBuilder.ThrowIfTooLong(kept + 1);
        ArrayBuilder.ThrowIfTooLong(nonZeros);
        if (!anySparse)
        {
            throw Changed(rows, kept, nonZeros);
        }

        var features = new PresizedCsrBuilder(featureCount, (int)kept, (int)nonZeros);
        var labels = new float[kept];
        var weights = columns.Weight is null ? null : new float[kept];
        double totalWeight = 0;
        using (var filler = new KeptRowCursor(data, columns, readLabel: true))
        {
            for (int i = 0; filler.MoveNextKept(); i++)
            {
                // The builder refuses a row past the counted rows or non-zeros, so i < kept below.
                if (!features.TryAdd(filler.Features))
                {
                    throw Changed(rows, kept, nonZeros);
                }

                labels[i] = filler.Label ? 1f : 0f;
                if (weights is not null)
                {
                    weights[i] = filler.Weight;
                }

                totalWeight += filler.Weight;
            }

            if (!features.IsComplete || filler.RowCount != rows)
            {
                throw Changed(rows, kept, nonZeros);
            }
        }

        LogisticDataset? dataset = totalWeight > 0 ? new LogisticDataset(features.Build(), labels, weights) : null;
        return new Result(dataset, rows, skipped, (int)kept);
    }

    private static InvalidOperationException Changed(long rows, long kept, long nonZeros) => new(
        "The training data returned different rows on different cursors. Sparse features are read twice, once to count " +
        $"them (that pass found {rows} rows, {kept} usable, with {nonZeros} non-zero features) and once to store them, " +
        "and the passes must agree: train on data that returns the same rows every time, for example through " +
        "mlContext.Data.Cache.");

    /// <summary>What <see cref="Read"/> found.</summary>
    /// <param name="Dataset">The usable rows, or null when there are none (or their total weight is 0).</param>
    /// <param name="RowCount">Rows the cursor returned.</param>
    /// <param name="SkippedCount">Rows skipped for a non-finite feature or weight, or a negative weight.</param>
    /// <param name="KeptCount">Rows kept.</param>
    internal sealed record Result(LogisticDataset? Dataset, long RowCount, long SkippedCount, int KeptCount);
}
