using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Training;
using Microsoft.ML;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// The rows of an <see cref="IDataView"/> as the training loop's blocks: every epoch a new cursor (shuffled by the
/// data itself where it can shuffle), read a block at a time into a compact <see cref="LogisticDataset"/> (dense or
/// CSR, as <see cref="DataViewReader"/> would read it), the next block read on another thread while the loop trains on
/// the current one. A block holds whole mini-batches, so only an epoch's last batch is short, as in memory.
/// </summary>
/// <remarks>
/// Memory: the block being trained, the block being read (at most about <c>bufferBytes</c> plus one row and one
/// batch) and, while that one is built, its final arrays: about three blocks. The order of the blocks and of the rows
/// in them depends only on the data, the seed and the epoch, never on timing, so a run is reproducible.
/// </remarks>
internal sealed class StreamedRows(
    IDataView data,
    TrainingColumns columns,
    ParameterLayout layout,
    long rowCount,
    long bufferBytes,
    int batchSize,
    int? shuffleSeed,
    Func<LogisticDataset, IObjective> objectiveOf) : IRowBlockSource
{
    public ParameterLayout Layout => layout;

    public long RowCount => rowCount;

    public IEnumerable<IObjective> Blocks(int epoch)
    {
        Random? shuffle = shuffleSeed is { } seed ? new Random(unchecked(seed + epoch)) : null;
        using var cursor = new KeptRowCursor(data, columns, shuffle);
        Task<LogisticDataset?> next = Prefetch(cursor);
        try
        {
            while (next.GetAwaiter().GetResult() is { } block)
            {
                next = Prefetch(cursor);
                yield return objectiveOf(block);
            }
        }
        finally
        {
            // The cursor is disposed after this: let a read still running finish first (its result is not needed).
            ((IAsyncResult)next).AsyncWaitHandle.WaitOne();
        }
    }

    // On a thread of its own, not the pool's: the trainer blocks on the read, and a starved pool would also delay the
    // timer that turns the context's cancellation into the loop's token.
    private Task<LogisticDataset?> Prefetch(KeptRowCursor cursor) =>
        Task.Factory.StartNew(() => ReadBlock(cursor), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // The next block's rows: until they take bufferBytes and fill whole batches, or the data ends. Blocks of rows that
    // weigh nothing (all weights 0) are passed over; null at the end of the data.
    private LogisticDataset? ReadBlock(KeptRowCursor cursor)
    {
        while (true)
        {
            var rows = new RowCollector<float>(columns, columns.FeatureCount, 0, DataViewReader.BinaryTarget);
            while ((rows.StoredBytes < bufferBytes || rows.RowCount % batchSize != 0) && cursor.MoveNextKept())
            {
                rows.Add(cursor);
            }

            if (rows.RowCount == 0)
            {
                return null;
            }

            if (DataViewReader.Build(rows) is { } block)
            {
                return block;
            }
        }
    }
}
