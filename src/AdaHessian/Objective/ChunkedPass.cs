using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// A <see cref="FusedPass"/> split into fixed chunks of consecutive rows that run on several threads, each into its
/// own buffers, which are then added in chunk order (<see cref="ChunkWorkspace"/>): the sums depend on the chunk
/// count, never on the threads. Buffers and the runner are reused, so a pass allocates nothing once the buffers have
/// their size.
/// </summary>
/// <remarks>Not thread-safe: one pass at a time.</remarks>
internal sealed class ChunkedPass : IChunkBody
{
    private readonly LogisticDataset _data;
    private readonly LossKind _loss;
    private readonly ChunkRunner _runner;
    private readonly ChunkWorkspace _workspace = new();
    private double[]? _curvatures;
    private bool _productsOnly;

    public ChunkedPass(LogisticDataset data, LossKind loss, int numberOfThreads)
    {
        _data = data;
        _loss = loss;
        _runner = new ChunkRunner(numberOfThreads);
    }

    /// <summary>The raw sums of the rows, in <paramref name="chunkCount"/> chunks; like <see cref="FusedPass.Run"/>.</summary>
    public (double Loss, double Weight) Run(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> probes, PassShape shape, int chunkCount, Span<double> gradient, Span<double> products,
        Span<double> diagonal, double[]? curvatures = null)
    {
        _workspace.Begin(rows, theta, probes, shape, chunkCount);
        return RunChunks(chunkCount, curvatures, productsOnly: false, gradient, products, diagonal);
    }

    /// <summary>
    /// The raw products at the θ where a pass over the same rows stored <paramref name="curvatures"/>;
    /// the chunks' sums are those of that θ's probe pass. Returns Σω.
    /// </summary>
    public double RunProducts(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, double[] curvatures,
        ReadOnlySpan<double> z, int chunkCount, Span<double> products)
    {
        _workspace.Begin(rows, theta, z, new PassShape(false, 1, false), chunkCount);
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
        Span<double> curvatures = _curvatures is null ? default : _curvatures.AsSpan(start, end - start);
        if (_productsOnly)
        {
            b.Loss = 0;
            b.Weight = new CurvatureProductPass(_data, curvatures, probes, hz).Run(rows);
            return;
        }

        (b.Loss, b.Weight) = new FusedPass(_data, _loss, _workspace.Theta, probes, _workspace.Shape, g, hz, diag, curvatures)
            .Run(rows);
    }
}
