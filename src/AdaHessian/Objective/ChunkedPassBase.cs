namespace AdaHessian.Objective;

/// <summary>
/// A pass split into fixed chunks of consecutive rows that run on several threads, each into its own buffers, which
/// are then added in chunk order (<see cref="ChunkWorkspace"/>): the sums depend on the chunk count, never on the
/// threads. Buffers and the runner are reused, so a pass allocates nothing once the buffers have their size. A
/// subclass supplies one chunk's full pass and its product pass from stored curvatures.
/// </summary>
/// <remarks>Not thread-safe: one pass at a time.</remarks>
internal abstract class ChunkedPassBase : IChunkBody
{
    private readonly ChunkRunner _runner;
    private readonly int _curvaturesPerRow;
    private readonly int _scratchLength;
    private double[]? _curvatures;
    private bool _productsOnly;

    /// <param name="numberOfThreads">Threads per pass, the caller's included.</param>
    /// <param name="curvaturesPerRow">Values a row's stored curvature takes.</param>
    /// <param name="scratchLength">Doubles of working space a chunk needs.</param>
    protected ChunkedPassBase(int numberOfThreads, int curvaturesPerRow, int scratchLength)
    {
        _runner = new ChunkRunner(numberOfThreads);
        _curvaturesPerRow = curvaturesPerRow;
        _scratchLength = scratchLength;
    }

    /// <summary>The current pass's parameters, shape and buffers.</summary>
    protected ChunkWorkspace Workspace { get; } = new();

    /// <summary>
    /// The raw sums of the rows, in <paramref name="chunkCount"/> chunks, as one pass over them gives; with
    /// <paramref name="curvatures"/>, a pass with the gradient also stores every row's curvature there.
    /// </summary>
    public (double Loss, double Weight) Run(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> probes, PassShape shape, int chunkCount, Span<double> gradient, Span<double> products,
        Span<double> diagonal, double[]? curvatures = null)
    {
        Workspace.Begin(rows, theta, probes, shape, chunkCount, _scratchLength);
        return RunChunks(chunkCount, curvatures, productsOnly: false, gradient, products, diagonal);
    }

    /// <summary>
    /// The raw products at the θ where a pass over the same rows stored <paramref name="curvatures"/>; the chunks' sums
    /// are those of that θ's probe pass. Returns Σω.
    /// </summary>
    public double RunProducts(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, double[] curvatures,
        ReadOnlySpan<double> z, int chunkCount, Span<double> products)
    {
        Workspace.Begin(rows, theta, z, new PassShape(false, 1, false), chunkCount, _scratchLength);
        return RunChunks(chunkCount, curvatures, productsOnly: true, default, products, default).Weight;
    }

    /// <summary>Runs chunk <paramref name="chunk"/> into its buffers (called by the runner).</summary>
    public void Run(int chunk)
    {
        ChunkWorkspace.Chunk b = Workspace.Open(chunk, out ReadOnlySpan<int> rows, out ReadOnlySpan<double> probes,
            out Span<double> g, out Span<double> hz, out Span<double> diag);
        (int start, int end) = Workspace.Range(chunk);
        Span<double> curvatures = _curvatures is null
            ? default
            : _curvatures.AsSpan(start * _curvaturesPerRow, (end - start) * _curvaturesPerRow);
        if (_productsOnly)
        {
            b.Loss = 0;
            b.Weight = RunProducts(rows, curvatures, probes, hz, b.Scratch);
            return;
        }

        (b.Loss, b.Weight) = RunPass(rows, probes, g, hz, diag, b.Scratch, curvatures);
    }

    /// <summary>One chunk's full pass at <see cref="Workspace"/>'s θ and shape, into its cleared buffers.</summary>
    protected abstract (double Loss, double Weight) RunPass(ReadOnlySpan<int> rows, ReadOnlySpan<double> probes,
        Span<double> gradient, Span<double> products, Span<double> diagonal, Span<double> scratch, Span<double> curvatures);

    /// <summary>One chunk's products from its rows' stored curvatures, into its cleared buffer; returns Σω.</summary>
    protected abstract double RunProducts(ReadOnlySpan<int> rows, ReadOnlySpan<double> curvatures, ReadOnlySpan<double> z,
        Span<double> products, Span<double> scratch);

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
            Workspace.ReleaseRows();
            _curvatures = null;
        }

        return Workspace.Reduce(gradient, products, diagonal);
    }
}
