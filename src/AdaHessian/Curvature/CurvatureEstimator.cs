using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
            AbsoluteInPlace(_diagonal);
        }
        else
        {
            DrawRademacher(_probes);
            value = objective.EvaluateWithHessianProducts(rows, theta, gradient, _probes, _products);
            if (_options.Samples == 1)
            {
                // One probe: (0 + z ⊙ Hz) / 1 then |·| is exactly |z ⊙ Hz|, so skip the clear and the division.
                AbsoluteProduct(_probes, _products, _diagonal);
            }
            else
            {
                HutchinsonDiagonal(_probes, _products, _options.Samples, _diagonal);
                AbsoluteInPlace(_diagonal);
            }
        }

        // With b = 1 averaging maps each entry x to (0 + x) / 1, which for |·| values (never −0) is x itself.
        if (_options.BlockSize > 1)
        {
            SpatialAveraging.Apply(_diagonal, _options.BlockSize, _diagonal);
        }

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
    // Bit i of byte k gives entry 8k + i; the vector path expands one byte into 8 entries with two compares.
    private void DrawRademacher(Span<double> probes)
    {
        int p = _diagonal.Length;
        for (int s = 0; s < _options.Samples; s++)
        {
            _random.NextBytes(_bits);
            Span<double> z = probes.Slice(s * p, p);
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var lowBits = Vector256.Create(1L, 2, 4, 8);
                var highBits = Vector256.Create(16L, 32, 64, 128);
                var minusOne = Vector256.Create(-1.0);
                var plusOne = Vector256.Create(1.0);
                ref double zRef = ref MemoryMarshal.GetReference(z);
                for (; j <= p - 8; j += 8)
                {
                    var bits = Vector256.Create((long)_bits[j >> 3]);
                    Vector256<double> lowClear = Vector256.Equals(bits & lowBits, Vector256<long>.Zero).AsDouble();
                    Vector256<double> highClear = Vector256.Equals(bits & highBits, Vector256<long>.Zero).AsDouble();
                    Vector256.ConditionalSelect(lowClear, minusOne, plusOne).StoreUnsafe(ref zRef, (nuint)j);
                    Vector256.ConditionalSelect(highClear, minusOne, plusOne).StoreUnsafe(ref zRef, (nuint)(j + 4));
                }
            }

            for (; j < p; j++)
            {
                z[j] = ((_bits[j >> 3] >> (j & 7)) & 1) == 0 ? -1.0 : 1.0;
            }
        }
    }

    // diagonal = |z ⊙ Hz|, element by element (a multiply and a sign clear in both paths).
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
