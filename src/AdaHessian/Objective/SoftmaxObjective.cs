using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// The training objective of a softmax (multinomial logistic) layer pᵢ = softmax(W xᵢ + b) on a batch B of rows:
/// F_B(θ) = (1/Ω_B) Σᵢ ωᵢ (−log p_{i,yᵢ}) + (λ / 2Ω) Σₖ ‖wₖ‖², with θ class-major — block k is (w_k1 … w_kd, bₖ),
/// biases not regularised — Ω_B the batch weight and Ω the whole dataset's weight. λ has ML.NET's meaning of
/// <c>L2Regularization</c>, as in <see cref="LogisticObjective"/>.
/// </summary>
/// <remarks>
/// Gradient (Σω(pₖ − [k = y])x̃), Hessian-vector products (per row uₖ = zₖ·x̃, ū = Σₗ pₗuₗ, (Hz)ₖ += ω pₖ(uₖ − ū) x̃)
/// and the exact diagonal (Σω pₖ(1 − pₖ) x̃²) are analytic and come from one pass that reads each row once per
/// class. Rows are reduced in fixed chunks (a count that depends only on the rows and the class count) combined in a
/// fixed order, and the row kernels do not depend on the CPU's vector width, so results are bitwise identical for any
/// <see cref="NumberOfThreads"/> and CPU. An instance reuses its buffers and must not be evaluated from two threads
/// at once.
/// </remarks>
public sealed class SoftmaxObjective : IObjective, ICurvatureStore
{
    private readonly int[] _allRows;
    private readonly double[] _scratch;
    private readonly SoftmaxChunkedPass _chunked;

    /// <summary>Creates the objective.</summary>
    /// <param name="data">The examples.</param>
    /// <param name="l2Regularization">λ ≥ 0, ML.NET's L2Regularization (weights only).</param>
    /// <param name="numberOfThreads">Threads for large batches; null uses every core. Does not change results.</param>
    /// <exception cref="ArgumentOutOfRangeException">λ is negative or not finite, or the thread count is not positive.</exception>
    public SoftmaxObjective(MulticlassDataset data, double l2Regularization = 0, int? numberOfThreads = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(l2Regularization >= 0 && double.IsFinite(l2Regularization)))
        {
            throw new ArgumentOutOfRangeException(nameof(l2Regularization), l2Regularization, "Must be finite and ≥ 0.");
        }

        if (numberOfThreads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numberOfThreads), numberOfThreads, "Must be ≥ 1 (or null for all cores).");
        }

        Data = data;
        L2Regularization = l2Regularization;
        NumberOfThreads = numberOfThreads ?? Environment.ProcessorCount;
        Layout = new ParameterLayout(data.ClassCount, data.FeatureCount);
        _allRows = Enumerable.Range(0, data.RowCount).ToArray();
        _scratch = new double[SoftmaxPass.ScratchLength(data.ClassCount)];
        _chunked = new SoftmaxChunkedPass(data, NumberOfThreads);
    }

    /// <summary>The examples.</summary>
    public MulticlassDataset Data { get; }

    /// <summary>λ, the L2 penalty on the weights.</summary>
    public double L2Regularization { get; }

    /// <summary>Threads used for batches large enough to split.</summary>
    public int NumberOfThreads { get; }

    /// <summary>One block per class: its d weights followed by its bias.</summary>
    public ParameterLayout Layout { get; }

    /// <summary>K × (d + 1).</summary>
    public int ParameterCount => Layout.ParameterCount;

    /// <summary>Every row index, in order (the full batch).</summary>
    public ReadOnlyMemory<int> AllRows => _allRows;

    /// <summary>F_B(θ).</summary>
    public double Value(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta) =>
        Evaluate(rows, theta, default, default, default, default);

    /// <summary>F_B(θ), writing ∇F_B(θ) into <paramref name="gradient"/>.</summary>
    public double Evaluate(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        CheckLength(gradient.Length, nameof(gradient));
        return Evaluate(rows, theta, gradient, default, default, default);
    }

    /// <summary>
    /// F_B(θ) and its gradient, plus H·zₛ for each probe zₛ in one pass. <paramref name="probes"/> and
    /// <paramref name="products"/> hold N consecutive vectors of <see cref="ParameterCount"/> values.
    /// </summary>
    public double EvaluateWithHessianProducts(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
        ReadOnlySpan<double> probes, Span<double> products)
    {
        CheckLength(gradient.Length, nameof(gradient));
        if (probes.Length == 0 || probes.Length % ParameterCount != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(probes), $"Must hold N ≥ 1 vectors of {ParameterCount} values.");
        }

        if (products.Length != probes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(products), "Must be as long as probes.");
        }

        return Evaluate(rows, theta, gradient, probes, products, default);
    }

    /// <summary>F_B(θ) and its gradient, plus the exact diagonal of the Hessian, in one pass.</summary>
    public double EvaluateWithExactDiagonal(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
        Span<double> diagonal)
    {
        CheckLength(gradient.Length, nameof(gradient));
        CheckLength(diagonal.Length, nameof(diagonal));
        return Evaluate(rows, theta, gradient, default, default, diagonal);
    }

    // Every row costs one kernel call per class, so a batch splits K times sooner than a logistic neuron's.
    internal int ChunkCount(ReadOnlySpan<int> rows) => ChunkCounts.For(Data.Features, rows, ParameterCount, Data.ClassCount);

    int ICurvatureStore.CurvaturesPerRow => Data.ClassCount;

    double ICurvatureStore.EvaluateWithExactDiagonal(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        Span<double> gradient, Span<double> diagonal, double[] curvatures)
    {
        CheckLength(gradient.Length, nameof(gradient));
        CheckLength(diagonal.Length, nameof(diagonal));
        CheckCurvatures(rows, curvatures);
        return Evaluate(rows, theta, gradient, default, default, diagonal, curvatures);
    }

    void ICurvatureStore.HessianProduct(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, double[] curvatures,
        ReadOnlySpan<double> z, Span<double> product)
    {
        CheckLength(theta.Length, nameof(theta));
        CheckLength(z.Length, nameof(z));
        CheckLength(product.Length, nameof(product));
        CheckCurvatures(rows, curvatures);
        int chunkCount = ChunkCount(rows.Span);
        double weightSum;
        if (chunkCount == 1)
        {
            product.Clear();
            weightSum = new SoftmaxCurvatureProductPass(Data, curvatures, z, product, _scratch).Run(rows.Span);
        }
        else
        {
            weightSum = _chunked.RunProducts(rows, theta, curvatures, z, chunkCount, product);
        }

        PassTotals.Finish(Layout, 0, weightSum, L2Regularization / Data.TotalWeight, theta, z, default, product, default);
    }

    private double Evaluate(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
        ReadOnlySpan<double> probes, Span<double> products, Span<double> diagonal, double[]? curvatures = null)
    {
        CheckLength(theta.Length, nameof(theta));
        var shape = new PassShape(gradient.Length > 0, probes.Length / ParameterCount, diagonal.Length > 0);
        int chunkCount = ChunkCount(rows.Span);

        double lossSum, weightSum;
        if (chunkCount == 1)
        {
            gradient.Clear();
            products.Clear();
            diagonal.Clear();
            (lossSum, weightSum) = new SoftmaxPass(Data, theta, probes, shape, gradient, products, diagonal, _scratch,
                curvatures).Run(rows.Span);
        }
        else
        {
            (lossSum, weightSum) = _chunked.Run(rows, theta, probes, shape, chunkCount, gradient, products, diagonal,
                curvatures);
        }

        return PassTotals.Finish(Layout, lossSum, weightSum, L2Regularization / Data.TotalWeight, theta, probes,
            gradient, products, diagonal);
    }

    private void CheckCurvatures(ReadOnlyMemory<int> rows, double[] curvatures)
    {
        ArgumentNullException.ThrowIfNull(curvatures);
        if (curvatures.Length < (long)rows.Length * Data.ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(curvatures), curvatures.Length, "Must hold a row's curvatures for every row.");
        }
    }

    private void CheckLength(int length, string name)
    {
        if (length != ParameterCount)
        {
            throw new ArgumentOutOfRangeException(name,
                $"Must hold {ParameterCount} values ({Layout.Blocks} classes × {Layout.WeightsPerBlock} weights then a bias), got {length}.");
        }
    }
}
