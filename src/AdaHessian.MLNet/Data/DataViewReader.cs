using AdaHessian.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// Reads the training columns of an <see cref="IDataView"/>, through the public cursor API, into a compact
/// <see cref="LogisticDataset"/> (a Boolean label) or <see cref="MulticlassDataset"/> (a key label): row-major dense when every kept row is dense, and compressed sparse rows (non-zeros
/// only) as soon as one kept row is sparse. Rows with a non-finite feature or weight, a negative weight, or a missing
/// key label, are skipped and counted, as ML.NET's own trainers do.
/// </summary>
/// <remarks>
/// Every layout is read in one pass over one cursor, so an uncached text loader parses its file once, and the data
/// may return other rows on another cursor. The layout is only known at the end of the data, so nothing is sized from
/// the declared width and the row count alone: <see cref="FeatureCollector"/> keeps each row in blocks in the smaller
/// of its dense and sparse forms, then copies them once into the exact-length arrays of the matrix. Collecting takes at
/// most about the final arrays plus one block per buffer (8 MiB for the features); the final copy briefly holds the
/// blocks and the arrays, at most about twice the matrix. When the data knows its row count and the dense matrix would
/// take at most half the byte limit (and half the in-memory budget), the collector may reserve it once the first rows
/// have all come dense, and dense data is then read into its final array without that copy. Labels and weights are
/// presized from the row count when the data knows it, so with no skipped row they are handed over without a copy.
/// </remarks>
internal static class DataViewReader
{
    /// <summary>The label of a Boolean label column as a logistic neuron's target: 1 or 0.</summary>
    public static readonly Func<KeptRowCursor, float> BinaryTarget = static c => c.Label ? 1f : 0f;

    /// <summary>Reads <paramref name="data"/> with a Boolean label.</summary>
    /// <param name="data">The training data.</param>
    /// <param name="columns">The checked columns of <paramref name="data"/>.</param>
    /// <param name="byteLimit">
    /// Stop reading once the collected rows take more than this many bytes: the result then has no dataset and
    /// <see cref="Result.Outgrew"/> set.
    /// </param>
    /// <exception cref="InvalidOperationException">
    /// A kept row has the wrong vector size, or the data needs more values than one array holds.
    /// </exception>
    public static Result Read(IDataView data, TrainingColumns columns, long byteLimit = long.MaxValue)
    {
        var (rows, cursor, outgrew) = Collect(data, columns, BinaryTarget, byteLimit);
        return new Result(outgrew ? null : Build(rows), cursor.RowCount, cursor.SkippedCount, rows.RowCount) { Outgrew = outgrew };
    }

    /// <summary>The logistic neuron's dataset of the collected rows; null when there are none or they weigh 0.</summary>
    public static LogisticDataset? Build(RowCollector<float> rows) => rows.RowCount > 0 && rows.TotalWeight > 0
        ? new LogisticDataset(rows.Features.Build(), rows.Labels.ToArray(), rows.Weights?.ToArray())
        : null;

    /// <summary>Reads <paramref name="data"/> with a key label of <paramref name="classCount"/> values: class = key − 1.</summary>
    /// <param name="data">The training data.</param>
    /// <param name="columns">The checked columns of <paramref name="data"/>; the label is a key column.</param>
    /// <param name="classCount">The key's cardinality.</param>
    /// <exception cref="InvalidOperationException">
    /// A kept row has the wrong vector size, or the data needs more values than one array holds.
    /// </exception>
    public static MulticlassResult ReadMulticlass(IDataView data, TrainingColumns columns, int classCount)
    {
        var (rows, cursor, _) = Collect(data, columns, static c => c.Class, long.MaxValue);
        MulticlassDataset? dataset = rows.RowCount > 0 && rows.TotalWeight > 0
            ? new MulticlassDataset(rows.Features.Build(), rows.Labels.ToArray(), classCount, rows.Weights?.ToArray())
            : null;
        return new MulticlassResult(dataset, cursor.RowCount, cursor.SkippedCount, rows.RowCount);
    }

    // One pass over the kept rows, or until they take more than byteLimit bytes (outgrew); the cursor is disposed.
    private static (RowCollector<TLabel> Rows, KeptRowCursor Cursor, bool Outgrew) Collect<TLabel>(IDataView data,
        TrainingColumns columns, Func<KeptRowCursor, TLabel> label, long byteLimit)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columns);
        long? rowCount = data.GetRowCount();
        var rows = new RowCollector<TLabel>(columns, columns.FeatureCount, rowCount ?? 0, label,
            PresizedValues(rowCount, columns.FeatureCount, byteLimit));
        using var cursor = new KeptRowCursor(data, columns);
        while (cursor.MoveNextKept())
        {
            rows.Add(cursor);
            if (rows.StoredBytes > byteLimit)
            {
                return (rows, cursor, true);
            }
        }

        return (rows, cursor, false);
    }

    // Room for the dense matrix of rowCount rows when it takes at most half of byteLimit and of the in-memory budget
    // (reserved only once the first rows have come dense); 0 when the count is unknown or the matrix too large.
    internal static long PresizedValues(long? rowCount, int width, long byteLimit)
    {
        if (rowCount is not { } rows || rows <= FeatureCollector.PresizeAfterRows || width == 0 || rows > Array.MaxLength / width)
        {
            return 0;
        }

        long values = rows * width;
        return 2 * sizeof(float) * values <= Math.Min(byteLimit, MemoryBudget.InMemoryLimit) ? values : 0;
    }

    /// <summary>What <see cref="Read"/> found.</summary>
    /// <param name="Dataset">The usable rows, or null when there are none (or their total weight is 0).</param>
    /// <param name="RowCount">Rows the cursor returned.</param>
    /// <param name="SkippedCount">Rows skipped for a non-finite feature or weight, or a negative weight.</param>
    /// <param name="KeptCount">Rows kept.</param>
    internal sealed record Result(LogisticDataset? Dataset, long RowCount, long SkippedCount, int KeptCount)
    {
        /// <summary>True when reading stopped because the rows outgrew the byte limit.</summary>
        public bool Outgrew { get; init; }
    }

    /// <summary>What <see cref="ReadMulticlass"/> found.</summary>
    /// <param name="Dataset">The usable rows, or null when there are none (or their total weight is 0).</param>
    /// <param name="RowCount">Rows the cursor returned.</param>
    /// <param name="SkippedCount">Rows skipped for a non-finite feature or weight, a negative weight or a missing label.</param>
    /// <param name="KeptCount">Rows kept.</param>
    internal sealed record MulticlassResult(MulticlassDataset? Dataset, long RowCount, long SkippedCount, int KeptCount);
}
