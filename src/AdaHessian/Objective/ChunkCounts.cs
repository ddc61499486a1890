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
        return (int)Math.Clamp(Math.Min(work / perChunk, rows.Length), 1, MaxChunks);
    }
}
