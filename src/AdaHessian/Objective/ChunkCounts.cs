using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// How many chunks a pass over some rows is split into. The count depends only on the rows (their number and stored
/// values), never on the thread count, so neither do the sums reduced from the chunks.
/// </summary>
internal static class ChunkCounts
{
    // A chunk of less work than this many stored values costs more to hand to another core than it saves (a 256-row
    // mini-batch of 784 dense features is three chunks, a 256-row batch of 10 non-zeros one).
    private const int MinValuesPerChunk = 1 << 16;
    private const int MaxChunks = 32;

    // Every chunk holds its own accumulators of P values (the gradient, and the diagonal or the products): beyond this
    // many chunk-parameters (4 Mi, 32 MiB per kind of accumulator) more chunks cost more memory than their parallelism
    // is worth. A 100-class softmax on 5,000 features (P = 500,100) takes 8 chunks instead of 32; 1,000 classes on
    // 10,000 features take one, where 32 would hold 5 GB of accumulators.
    private const long MaxChunkParameters = 1L << 22;

    /// <summary>The chunk count of a pass that does <paramref name="workPerValue"/> units of work per stored value.</summary>
    /// <param name="features">The rows' matrix.</param>
    /// <param name="rows">The rows of the pass.</param>
    /// <param name="parameterCount">
    /// P: every chunk clears and adds up buffers of P values, so a chunk also does at least 2P units of work — wide
    /// sparse data (P = 100,000, 20 values a row) would otherwise spend most of a pass on buffers.
    /// </param>
    /// <param name="workPerValue">
    /// Row-kernel calls per stored value: 1 for a logistic neuron, the class count for a softmax layer, whose rows
    /// each cost one kernel call per class.
    /// </param>
    public static int For(FeatureMatrix features, ReadOnlySpan<int> rows, int parameterCount, int workPerValue = 1)
    {
        long perChunk = Math.Max(MinValuesPerChunk, 2L * parameterCount);
        long enough = MaxChunks * perChunk;
        long values = features.StoredValueCountOf(rows, atMost: (enough + workPerValue - 1) / workPerValue);
        long work = values * workPerValue;
        int affordable = (int)Math.Clamp(MaxChunkParameters / Math.Max(1, parameterCount), 1, MaxChunks);
        return (int)Math.Clamp(Math.Min(work / perChunk, rows.Length), 1, affordable);
    }
}
