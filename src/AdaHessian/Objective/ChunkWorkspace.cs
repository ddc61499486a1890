using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace AdaHessian.Objective;

/// <summary>
/// What a pass split into chunks shares between its chunks: private copies of θ and the probes (the caller's spans
/// cannot cross threads), one set of accumulators per chunk, and the reduction that adds them in chunk order, so the
/// sums depend on the chunk count, never on which thread ran which chunk. Buffers grow to what the passes so far
/// needed and are then reused, so a pass allocates nothing in steady state.
/// </summary>
/// <remarks>Not thread-safe between passes; during a pass each chunk touches only its own buffers.</remarks>
internal sealed class ChunkWorkspace
{
    private Chunk[] _chunks = [];
    private double[] _theta = [];
    private double[] _probes = [];
    private ReadOnlyMemory<int> _rows;
    private int _chunkCount;

    /// <summary>The current pass's parameters.</summary>
    public ReadOnlySpan<double> Theta => _theta;

    /// <summary>The current pass's shape.</summary>
    public PassShape Shape { get; private set; }

    /// <summary>Sizes the buffers and copies the inputs of a pass over <paramref name="rows"/>.</summary>
    /// <param name="rows">The rows of the pass, split into consecutive chunks.</param>
    /// <param name="theta">The parameters (copied).</param>
    /// <param name="probes">The probes, N vectors as long as θ (copied).</param>
    /// <param name="shape">What the pass accumulates.</param>
    /// <param name="chunkCount">Number of chunks, ≥ 1.</param>
    /// <param name="scratchLength">Doubles of per-chunk working space the pass needs (0 for none).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Begin(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, ReadOnlySpan<double> probes,
        PassShape shape, int chunkCount, int scratchLength = 0)
    {
        int p = theta.Length;
        if (_chunks.Length < chunkCount)
        {
            int old = _chunks.Length;
            Array.Resize(ref _chunks, chunkCount);
            for (int c = old; c < chunkCount; c++)
            {
                _chunks[c] = new Chunk();
            }
        }

        int productLength = shape.ProbeCount * p;
        foreach (Chunk b in _chunks.AsSpan(0, chunkCount))
        {
            b.Ensure(shape.Gradient ? p : 0, productLength, shape.Diagonal ? p : 0, scratchLength);
        }

        if (_theta.Length != p)
        {
            _theta = new double[p];
        }

        if (_probes.Length < productLength)
        {
            _probes = new double[productLength];
        }

        theta.CopyTo(_theta);
        probes.CopyTo(_probes);
        _rows = rows;
        Shape = shape;
        _chunkCount = chunkCount;
    }

    /// <summary>
    /// Chunk <paramref name="chunk"/>'s rows (consecutive, the same split for any thread count) and its cleared
    /// accumulators, sized for the current shape.
    /// </summary>
    public Chunk Open(int chunk, out ReadOnlySpan<int> rows, out ReadOnlySpan<double> probes, out Span<double> gradient,
        out Span<double> products, out Span<double> diagonal)
    {
        (int start, int end) = Range(chunk);
        int p = _theta.Length;
        Chunk b = _chunks[chunk];
        rows = _rows.Span[start..end];
        gradient = b.Gradient.AsSpan(0, Shape.Gradient ? p : 0);
        products = b.Products.AsSpan(0, Shape.ProbeCount * p);
        diagonal = b.Diagonal.AsSpan(0, Shape.Diagonal ? p : 0);
        probes = _probes.AsSpan(0, products.Length);
        gradient.Clear();
        products.Clear();
        diagonal.Clear();
        return b;
    }

    /// <summary>Positions [Start, End) in the pass's rows of chunk <paramref name="chunk"/>'s rows.</summary>
    public (int Start, int End) Range(int chunk)
    {
        int count = _rows.Length;
        return ((int)((long)count * chunk / _chunkCount), (int)((long)count * (chunk + 1) / _chunkCount));
    }

    /// <summary>
    /// Adds the chunks' sums in chunk order into the (overwritten) outputs and returns (Σωℓ, Σω).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Loss, double Weight) Reduce(Span<double> gradient, Span<double> products, Span<double> diagonal)
    {
        double loss = 0, weight = 0;
        gradient.Clear();
        products.Clear();
        diagonal.Clear();
        foreach (Chunk b in _chunks.AsSpan(0, _chunkCount))
        {
            loss += b.Loss;
            weight += b.Weight;
            TensorPrimitives.Add(gradient, b.Gradient.AsSpan(0, gradient.Length), gradient);
            TensorPrimitives.Add(products, b.Products.AsSpan(0, products.Length), products);
            TensorPrimitives.Add(diagonal, b.Diagonal.AsSpan(0, diagonal.Length), diagonal);
        }

        return (loss, weight);
    }

    /// <summary>Forgets the pass's rows once its chunks have run (or failed), so the workspace does not keep them alive.</summary>
    public void ReleaseRows() => _rows = default;

    /// <summary>One chunk's accumulators, its raw sums and its working space.</summary>
    internal sealed class Chunk
    {
        public double[] Gradient { get; private set; } = [];

        public double[] Products { get; private set; } = [];

        public double[] Diagonal { get; private set; } = [];

        public double[] Scratch { get; private set; } = [];

        public double Loss { get; set; }

        public double Weight { get; set; }

        public void Ensure(int gradientLength, int productLength, int diagonalLength, int scratchLength)
        {
            Gradient = Gradient.Length >= gradientLength ? Gradient : new double[gradientLength];
            Products = Products.Length >= productLength ? Products : new double[productLength];
            Diagonal = Diagonal.Length >= diagonalLength ? Diagonal : new double[diagonalLength];
            Scratch = Scratch.Length >= scratchLength ? Scratch : new double[scratchLength];
        }
    }
}
