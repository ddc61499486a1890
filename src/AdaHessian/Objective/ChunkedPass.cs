using System.Numerics.Tensors;
using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// A <see cref="FusedPass"/> split into fixed chunks of consecutive rows that run on several threads, each into its
/// own buffers, which are then added in chunk order: the sums depend on the chunk count, never on the threads.
/// Buffers and the runner are reused, so a pass allocates nothing once the buffers have their size.
/// </summary>
/// <remarks>Not thread-safe: one pass at a time.</remarks>
internal sealed class ChunkedPass : IChunkBody
{
    private readonly LogisticDataset _data;
    private readonly LossKind _loss;
    private readonly ChunkRunner _runner;
    private ChunkBuffers[] _chunks = [];
    private double[] _theta = [];
    private double[] _probes = [];
    private ReadOnlyMemory<int> _rows;
    private PassShape _shape;
    private int _chunkCount;

    public ChunkedPass(LogisticDataset data, LossKind loss, int numberOfThreads)
    {
        _data = data;
        _loss = loss;
        _runner = new ChunkRunner(numberOfThreads);
    }

    /// <summary>The raw sums of the rows, in <paramref name="chunkCount"/> chunks; like <see cref="FusedPass.Run"/>.</summary>
    public (double Loss, double Weight) Run(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> probes, PassShape shape, int chunkCount, Span<double> gradient, Span<double> products,
        Span<double> diagonal)
    {
        EnsureBuffers(chunkCount, theta.Length, shape);
        theta.CopyTo(_theta);
        probes.CopyTo(_probes);
        _rows = rows;
        _shape = shape;
        _chunkCount = chunkCount;
        try
        {
            _runner.Run(chunkCount, this);
        }
        finally
        {
            _rows = default;
        }

        double loss = 0, weight = 0;
        gradient.Clear();
        products.Clear();
        diagonal.Clear();
        foreach (ChunkBuffers b in _chunks.AsSpan(0, chunkCount))
        {
            loss += b.Loss;
            weight += b.Weight;
            TensorPrimitives.Add(gradient, b.Gradient.AsSpan(0, gradient.Length), gradient);
            TensorPrimitives.Add(products, b.Products.AsSpan(0, products.Length), products);
            TensorPrimitives.Add(diagonal, b.Diagonal.AsSpan(0, diagonal.Length), diagonal);
        }

        return (loss, weight);
    }

    /// <summary>Runs chunk <paramref name="chunk"/> into its buffers (called by the runner).</summary>
    public void Run(int chunk)
    {
        int count = _rows.Length;
        int start = (int)((long)count * chunk / _chunkCount);
        int end = (int)((long)count * (chunk + 1) / _chunkCount);
        int p = _theta.Length;
        ChunkBuffers b = _chunks[chunk];
        Span<double> g = b.Gradient.AsSpan(0, _shape.Gradient ? p : 0);
        Span<double> hz = b.Products.AsSpan(0, _shape.ProbeCount * p);
        Span<double> diag = b.Diagonal.AsSpan(0, _shape.Diagonal ? p : 0);
        g.Clear();
        hz.Clear();
        diag.Clear();
        (b.Loss, b.Weight) = new FusedPass(_data, _loss, _theta, _probes.AsSpan(0, hz.Length), _shape, g, hz, diag)
            .Run(_rows.Span[start..end]);
    }

    // Buffers grow to what the passes so far needed: a diagonal only once a pass wants one, products per probe count.
    private void EnsureBuffers(int chunkCount, int parameterCount, PassShape shape)
    {
        if (_chunks.Length < chunkCount)
        {
            int old = _chunks.Length;
            Array.Resize(ref _chunks, chunkCount);
            for (int c = old; c < chunkCount; c++)
            {
                _chunks[c] = new ChunkBuffers();
            }
        }

        int productLength = shape.ProbeCount * parameterCount;
        foreach (ChunkBuffers b in _chunks.AsSpan(0, chunkCount))
        {
            b.Ensure(shape.Gradient ? parameterCount : 0, productLength, shape.Diagonal ? parameterCount : 0);
        }

        if (_theta.Length != parameterCount)
        {
            _theta = new double[parameterCount];
        }

        if (_probes.Length < productLength)
        {
            _probes = new double[productLength];
        }
    }

    private sealed class ChunkBuffers
    {
        public double[] Gradient { get; private set; } = [];

        public double[] Products { get; private set; } = [];

        public double[] Diagonal { get; private set; } = [];

        public double Loss { get; set; }

        public double Weight { get; set; }

        public void Ensure(int gradientLength, int productLength, int diagonalLength)
        {
            Gradient = Gradient.Length >= gradientLength ? Gradient : new double[gradientLength];
            Products = Products.Length >= productLength ? Products : new double[productLength];
            Diagonal = Diagonal.Length >= diagonalLength ? Diagonal : new double[diagonalLength];
        }
    }
}
