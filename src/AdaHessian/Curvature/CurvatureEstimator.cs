using AdaHessian.Objective;
using MathNet.Numerics.Random;

namespace AdaHessian.Curvature;

/// <summary>
/// Produces AdaHessian's D: refreshes it from the objective's fused pass on refresh steps (Hutchinson or exact),
/// applies spatial averaging, and keeps it for the steps in between. Holds its own seeded generator, so the
/// Rademacher probes depend only on the seed and the number of refreshes.
/// </summary>
public sealed class CurvatureEstimator
{
    private readonly CurvatureOptions _options;
    private readonly Xoshiro256StarStar _random;
    private readonly double[] _probes;
    private readonly double[] _products;
    private readonly double[] _diagonal;
    private readonly byte[] _bits;

    /// <summary>Creates an estimator for a model with <paramref name="parameterCount"/> parameters (weights then bias).</summary>
    public CurvatureEstimator(CurvatureOptions options, int parameterCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        OptionChecks.AtLeastOne(parameterCount, nameof(parameterCount));
        _options = options;
        _random = new Xoshiro256StarStar(seed, threadSafe: false);
        bool hutchinson = options.Kind == CurvatureKind.Hutchinson;
        _probes = new double[hutchinson ? options.Samples * parameterCount : 0];
        _products = new double[_probes.Length];
        _bits = new byte[hutchinson ? (parameterCount + 7) / 8 : 0];
        _diagonal = new double[parameterCount];
    }

    /// <summary>The settings.</summary>
    public CurvatureOptions Options => _options;

    /// <summary>The current D (after spatial averaging); zeros before the first refresh.</summary>
    public ReadOnlySpan<double> Diagonal => _diagonal;

    /// <summary>Number of times D has been recomputed.</summary>
    public long RefreshCount { get; private set; }

    /// <summary>
    /// Evaluates F_B and its gradient at θ and recomputes D from the same pass. Returns F_B.
    /// </summary>
    public double EvaluateAndRefresh(LogisticObjective objective, ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
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
        }
        else
        {
            DrawRademacher(_probes);
            value = objective.EvaluateWithHessianProducts(rows, theta, gradient, _probes, _products);
            HutchinsonDiagonal(_probes, _products, _options.Samples, _diagonal);
        }

        for (int j = 0; j < _diagonal.Length; j++)
        {
            _diagonal[j] = Math.Abs(_diagonal[j]);
        }

        SpatialAveraging.Apply(_diagonal, _options.BlockSize, _diagonal);
        RefreshCount++;
        return value;
    }

    /// <summary>ê = (1/N) Σₛ zₛ ⊙ (H zₛ), the signed Hutchinson estimate of diag H.</summary>
    public static void HutchinsonDiagonal(ReadOnlySpan<double> probes, ReadOnlySpan<double> products, int samples,
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

    // Each probe entry is one bit of the generator's output: +1 or −1 with probability ½ each.
    private void DrawRademacher(Span<double> probes)
    {
        int p = _diagonal.Length;
        for (int s = 0; s < _options.Samples; s++)
        {
            _random.NextBytes(_bits);
            Span<double> z = probes.Slice(s * p, p);
            for (int j = 0; j < p; j++)
            {
                z[j] = ((_bits[j >> 3] >> (j & 7)) & 1) == 0 ? -1.0 : 1.0;
            }
        }
    }
}
