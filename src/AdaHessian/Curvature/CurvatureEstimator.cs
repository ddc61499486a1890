using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AdaHessian.Objective;

namespace AdaHessian.Curvature;

/// <summary>
/// Produces AdaHessian's D: refreshes it from the objective's fused pass on refresh steps (Hutchinson or exact),
/// applies spatial averaging, and keeps it for the steps in between. Holds its own seeded generator, so the
/// Rademacher probes depend only on the seed and the number of refreshes.
/// </summary>
public sealed class CurvatureEstimator
{
    private readonly CurvatureOptions _options;
    private readonly ParameterLayout _layout;
    private readonly RademacherProbes _random;
    private readonly double[] _probes;
    private readonly double[] _products;
    private readonly double[] _diagonal;

    /// <summary>Creates an estimator for a model whose parameters are laid out as <paramref name="layout"/>.</summary>
    public CurvatureEstimator(CurvatureOptions options, ParameterLayout layout, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        OptionChecks.AtLeastOne(layout.Blocks, nameof(layout));
        _options = options;
        _layout = layout;
        _random = new RademacherProbes(seed);
        int parameterCount = layout.ParameterCount;
        _probes = new double[options.Kind == CurvatureKind.Hutchinson ? options.HutchinsonSamples * parameterCount : 0];
        _products = new double[_probes.Length];
        _diagonal = new double[parameterCount];
    }

    /// <summary>An estimator for a logistic neuron with <paramref name="parameterCount"/> parameters (weights then bias).</summary>
    internal CurvatureEstimator(CurvatureOptions options, int parameterCount, int seed)
        : this(options, ParameterLayout.Neuron(WeightCount(parameterCount)), seed)
    {
    }

    /// <summary>The settings.</summary>
    public CurvatureOptions Options => _options;

    private static int WeightCount(int parameterCount)
    {
        OptionChecks.AtLeastOne(parameterCount, nameof(parameterCount));
        return parameterCount - 1;
    }

    /// <summary>The current D (after spatial averaging); zeros before the first refresh.</summary>
    public ReadOnlySpan<double> Diagonal => _diagonal;

    /// <summary>Number of times D has been recomputed.</summary>
    public long RefreshCount { get; private set; }

    /// <summary>
    /// Evaluates F_B and its gradient at θ and recomputes D from the same pass. Returns F_B.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double EvaluateAndRefresh(IObjective objective, ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (objective.ParameterCount != _diagonal.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(objective), "Parameter count differs from the estimator's.");
        }

        double value;
        if (_options.Kind == CurvatureKind.ExactDiagonal)
        {
            value = objective.EvaluateWithExactDiagonal(rows, theta, gradient, _diagonal);
            AbsoluteInPlace(_diagonal);
        }
        else
        {
            _random.Draw(_probes, _diagonal.Length);
            value = objective.EvaluateWithHessianProducts(rows, theta, gradient, _probes, _products);
            if (_options.HutchinsonSamples == 1)
            {
                // One probe: (0 + z ⊙ Hz) / 1 then |·| is exactly |z ⊙ Hz|, so skip the clear and the division.
                AbsoluteProduct(_probes, _products, _diagonal);
            }
            else
            {
                HutchinsonDiagonal(_probes, _products, _options.HutchinsonSamples, _diagonal);
                AbsoluteInPlace(_diagonal);
            }
        }

        // With b = 1 averaging maps each entry x to (0 + x) / 1, which for |·| values (never −0) is x itself.
        if (_options.SpatialAverageBlockSize > 1)
        {
            for (int block = 0; block < _layout.Blocks; block++)
            {
                Span<double> values = _diagonal.AsSpan(_layout.BlockStart(block), _layout.BlockLength);
                SpatialAveraging.Apply(values, _options.SpatialAverageBlockSize, values);
            }
        }

        RefreshCount++;
        return value;
    }

    /// <summary>ê = (1/N) Σₛ zₛ ⊙ (H zₛ), the signed Hutchinson estimate of diag H.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void HutchinsonDiagonal(ReadOnlySpan<double> probes, ReadOnlySpan<double> products, int samples,
        Span<double> estimate)
    {
        int p = estimate.Length;
        if (probes.Length != samples * p || products.Length != probes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(probes), $"Must hold {samples} vectors of {p} values.");
        }

        estimate.Clear();
        for (int s = 0; s < samples; s++)
        {
            for (int j = 0; j < p; j++)
            {
                estimate[j] += probes[s * p + j] * products[s * p + j];
            }
        }

        for (int j = 0; j < p; j++)
        {
            estimate[j] /= samples;
        }
    }

    // diagonal = |z ⊙ Hz|, element by element (a multiply and a sign clear in both paths).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AbsoluteProduct(ReadOnlySpan<double> probes, ReadOnlySpan<double> products, Span<double> diagonal)
    {
        int p = diagonal.Length;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double z = ref MemoryMarshal.GetReference(probes[..p]);
            ref double h = ref MemoryMarshal.GetReference(products[..p]);
            ref double d = ref MemoryMarshal.GetReference(diagonal);
            for (; j <= p - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                Vector256.Abs(Vector256.LoadUnsafe(ref z, (nuint)j) * Vector256.LoadUnsafe(ref h, (nuint)j))
                    .StoreUnsafe(ref d, (nuint)j);
            }
        }

        for (; j < p; j++)
        {
            diagonal[j] = Math.Abs(probes[j] * products[j]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AbsoluteInPlace(Span<double> values)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double v = ref MemoryMarshal.GetReference(values);
            for (; j <= values.Length - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                Vector256.Abs(Vector256.LoadUnsafe(ref v, (nuint)j)).StoreUnsafe(ref v, (nuint)j);
            }
        }

        for (; j < values.Length; j++)
        {
            values[j] = Math.Abs(values[j]);
        }
    }
}
