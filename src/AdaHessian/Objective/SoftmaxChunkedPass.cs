using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// A <see cref="SoftmaxPass"/> split into fixed chunks of consecutive rows on several threads, reduced in chunk order
/// by a <see cref="ChunkWorkspace"/> exactly as <see cref="ChunkedPass"/> does for a logistic neuron.
/// </summary>
/// <remarks>Not thread-safe: one pass at a time.</remarks>
internal sealed class SoftmaxChunkedPass : IChunkBody
{
    private readonly MulticlassDataset _data;
    private readonly ChunkRunner _runner;
    private readonly ChunkWorkspace _workspace = new();

    public SoftmaxChunkedPass(MulticlassDataset data, int numberOfThreads)
    {
        _data = data;
        _runner = new ChunkRunner(numberOfThreads);
    }

    /// <summary>The raw sums of the rows, in <paramref name="chunkCount"/> chunks; like <see cref="SoftmaxPass.Run"/>.</summary>
    public (double Loss, double Weight) Run(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> probes, PassShape shape, int chunkCount, Span<double> gradient, Span<double> products,
        Span<double> diagonal)
    {
        _workspace.Begin(rows, theta, probes, shape, chunkCount, SoftmaxPass.ScratchLength(_data.ClassCount));
        try
        {
            _runner.Run(chunkCount, this);
        }
        finally
        {
            _workspace.ReleaseRows();
        }

        return _workspace.Reduce(gradient, products, diagonal);
    }

    /// <summary>Runs chunk <paramref name="chunk"/> into its buffers (called by the runner).</summary>
    public void Run(int chunk)
    {
        ChunkWorkspace.Chunk b = _workspace.Open(chunk, out ReadOnlySpan<int> rows, out ReadOnlySpan<double> probes,
            out Span<double> g, out Span<double> hz, out Span<double> diag);
        (b.Loss, b.Weight) = new SoftmaxPass(_data, _workspace.Theta, probes, _workspace.Shape, g, hz, diag, b.Scratch)
            .Run(rows);
    }
}
