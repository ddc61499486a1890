using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// The training objective of a logistic neuron p = σ(w·x + b) on a batch B of rows:
/// F_B(θ) = (1/Ω_B) Σᵢ ωᵢ ℓ(aᵢ, yᵢ) + (λ / 2Ω) ‖w‖², with θ = (w₁ … w_d, b) (bias last and not regularised),
/// Ω_B the batch weight and Ω the whole dataset's weight. λ has ML.NET's meaning of <c>L2Regularization</c>: on the
/// full batch F = (Σ ωℓ + λ/2 ‖w‖²) / Ω.
/// </summary>
/// <remarks>
/// Gradient, Hessian-vector products and the exact Hessian diagonal are analytic and come out of one fused pass
/// that reads each row once (<see cref="FusedPass"/>). Parameters and accumulators are double: float sums over tens
/// of thousands of rows lose about three significant digits — enough to stall convergence tests at 1e-6 relative
/// accuracy.
/// Rows are reduced in fixed chunks (a count that depends only on the rows' stored values) combined in a fixed order, so
/// results are bitwise identical for any <see cref="NumberOfThreads"/>. An instance reuses its buffers and must not
/// be evaluated from two threads at once.
/// </remarks>
public sealed class LogisticObjective : IObjective, ICurvatureStore
{
    private readonly int[] _allRows;
    private readonly ChunkedPass _chunked;

    /// <summary>Creates the objective.</summary>
    /// <param name="data">The examples.</param>
    /// <param name="loss">Per-example loss.</param>
    /// <param name="l2Regularization">λ ≥ 0, ML.NET's L2Regularization (weights only).</param>
    /// <param name="numberOfThreads">Threads for large batches; null uses every core. Does not change results.</param>
    /// <exception cref="ArgumentOutOfRangeException">λ is negative or not finite, or the thread count is not positive.</exception>
    public LogisticObjective(LogisticDataset data, LossKind loss, double l2Regularization = 0, int? numberOfThreads = null)
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

        if (!Enum.IsDefined(loss))
        {
            throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss.");
        }

        Data = data;
        Loss = loss;
        L2Regularization = l2Regularization;
        NumberOfThreads = numberOfThreads ?? Environment.ProcessorCount;
        _allRows = Enumerable.Range(0, data.RowCount).ToArray();
        _chunked = new ChunkedPass(data, loss, NumberOfThreads);
    }

    /// <summary>The examples.</summary>
    public LogisticDataset Data { get; }

    /// <summary>The per-example loss.</summary>
    public LossKind Loss { get; }

    /// <summary>λ, the L2 penalty on the weights.</summary>
    public double L2Regularization { get; }

    /// <summary>Threads used for batches large enough to split.</summary>
    public int NumberOfThreads { get; }

    /// <summary>One block: the d weights followed by the bias.</summary>
    public ParameterLayout Layout => ParameterLayout.Neuron(Data.FeatureCount);

    /// <summary>d + 1: the weights followed by the bias.</summary>
    public int ParameterCount => Data.FeatureCount + 1;

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

    int ICurvatureStore.CurvaturesPerRow => 1;

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
            weightSum = new CurvatureProductPass(Data, curvatures, z, product).Run(rows.Span);
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
        int p = ParameterCount;
        var shape = new PassShape(gradient.Length > 0, probes.Length / p, diagonal.Length > 0);
        int chunkCount = ChunkCount(rows.Span);

        double lossSum, weightSum;
        if (chunkCount == 1)
        {
            gradient.Clear();
            products.Clear();
            diagonal.Clear();
            (lossSum, weightSum) = new FusedPass(Data, Loss, theta, probes, shape, gradient, products, diagonal, curvatures)
                .Run(rows.Span);
        }
        else
        {
            (lossSum, weightSum) = _chunked.Run(rows, theta, probes, shape, chunkCount, gradient, products, diagonal,
                curvatures);
        }

        return PassTotals.Finish(Layout, lossSum, weightSum, L2Regularization / Data.TotalWeight, theta, probes,
            gradient, products, diagonal);
    }

    // Depends only on the rows and the parameter count, never on the thread count, so neither do the sums.
    internal int ChunkCount(ReadOnlySpan<int> rows) => ChunkCounts.For(Data.Features, rows, ParameterCount);

    private void CheckCurvatures(ReadOnlyMemory<int> rows, double[] curvatures)
    {
        ArgumentNullException.ThrowIfNull(curvatures);
        if (curvatures.Length < (long)rows.Length * 1)
        {
            throw new ArgumentOutOfRangeException(nameof(curvatures), curvatures.Length, "Must hold a row's curvatures for every row.");
        }
    }

    private void CheckLength(int length, string name)
    {
        if (length != ParameterCount)
        {
            throw new ArgumentOutOfRangeException(name, $"Must hold {ParameterCount} values (weights then bias), got {length}.");
        }
    }
}
