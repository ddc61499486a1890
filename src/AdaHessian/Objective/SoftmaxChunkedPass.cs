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
    private double[]? _curvatures;
    private bool _productsOnly;

    public SoftmaxChunkedPass(MulticlassDataset data, int numberOfThreads)
    {
        _data = data;
        _runner = new ChunkRunner(numberOfThreads);
    }

    /// <summary>The raw sums of the rows, in <paramref name="chunkCount"/> chunks; like <see cref="SoftmaxPass.Run"/>.</summary>
    public (double Loss, double Weight) Run(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> probes, PassShape shape, int chunkCount, Span<double> gradient, Span<double> products,
        Span<double> diagonal, double[]? curvatures = null)
    {
        _workspace.Begin(rows, theta, probes, shape, chunkCount, SoftmaxPass.ScratchLength(_data.ClassCount));
        return RunChunks(chunkCount, curvatures, productsOnly: false, gradient, products, diagonal);
    }

    /// <summary>
    /// The raw products at the θ where a pass over the same rows stored <paramref name="curvatures"/>;
    /// the chunks' sums are those of that θ's probe pass. Returns Σω.
    /// </summary>
    public double RunProducts(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, double[] curvatures,
        ReadOnlySpan<double> z, int chunkCount, Span<double> products)
    {
        _workspace.Begin(rows, theta, z, new PassShape(false, 1, false), chunkCount, SoftmaxPass.ScratchLength(_data.ClassCount));
        return RunChunks(chunkCount, curvatures, productsOnly: true, default, products, default).Weight;
    }

    private (double Loss, double Weight) RunChunks(int chunkCount, double[]? curvatures, bool productsOnly,
        Span<double> gradient, Span<double> products, Span<double> diagonal)
    {
        _curvatures = curvatures;
        _productsOnly = productsOnly;
        try
        {
            _runner.Run(chunkCount, this);
        }
        finally
        {
            _workspace.ReleaseRows();
            _curvatures = null;
        }

        return _workspace.Reduce(gradient, products, diagonal);
    }

    /// <summary>Runs chunk <paramref name="chunk"/> into its buffers (called by the runner).</summary>
    public void Run(int chunk)
    {
        ChunkWorkspace.Chunk b = _workspace.Open(chunk, out ReadOnlySpan<int> rows, out ReadOnlySpan<double> probes,
            out Span<double> g, out Span<double> hz, out Span<double> diag);
        (int start, int end) = _workspace.Range(chunk);
        int k = _data.ClassCount;
        Span<double> probabilities = _curvatures is null ? default : _curvatures.AsSpan(start * k, (end - start) * k);
        if (_productsOnly)
        {
            b.Loss = 0;
            b.Weight = new SoftmaxCurvatureProductPass(_data, probabilities, probes, hz, b.Scratch).Run(rows);
            return;
        }

        (b.Loss, b.Weight) = new SoftmaxPass(_data, _workspace.Theta, probes, _workspace.Shape, g, hz, diag, b.Scratch,
            probabilities).Run(rows);
    }
}
