using System.Runtime.CompilerServices;
using AdaHessian.Objective;

namespace AdaHessian.Regularization;

/// <summary>
/// An unregularized objective plus (c/2) Σ ‖w_k‖² over every block's weights (never the biases), with c given per
/// call. The search evaluates one data objective on many row subsets at many strengths: a subset B with ML.NET's
/// strength λ is the problem Σ_B ωℓ + (λ/2)‖w‖², which the batch-normalised objective F_B gives with c = λ / Ω_B.
/// </summary>
/// <remarks>
/// When the data term is an <see cref="ICurvatureStore"/>, every exact-diagonal pass also stores the rows' curvatures,
/// and Hessian products at that θ and on those rows reuse them (the same bits at half the work); a product anywhere
/// else first makes such a pass there.
/// </remarks>
internal sealed class PenalizedObjective
{
    private readonly IObjective _data;
    private readonly ICurvatureStore? _store;
    private readonly double[] _storedAt, _diagonalScratch;
    private double[] _curvatures = [];
    private ReadOnlyMemory<int> _storedRows;
    private bool _stored;

    /// <param name="unregularized">The data term: an objective built with L2 = 0.</param>
    public PenalizedObjective(IObjective unregularized)
    {
        _data = unregularized;
        _store = unregularized as ICurvatureStore;
        Layout = unregularized.Layout;
        _storedAt = new double[_store is null ? 0 : unregularized.ParameterCount];
        _diagonalScratch = new double[_storedAt.Length];
    }

    public ParameterLayout Layout { get; }

    public int ParameterCount => _data.ParameterCount;

    /// <summary>F_B(θ) + (c/2)‖w‖².</summary>
    public double Value(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, double c) =>
        _data.Value(rows, theta) + 0.5 * c * WeightSquares(theta);

    /// <summary>The value, gradient and exact Hessian diagonal of F_B + (c/2)‖w‖², in one pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double EvaluateWithExactDiagonal(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, double c,
        Span<double> gradient, Span<double> diagonal)
    {
        double f = _store is null
            ? _data.EvaluateWithExactDiagonal(rows, theta, gradient, diagonal)
            : StoreCurvatures(rows, theta, gradient, diagonal);
        for (int k = 0; k < Layout.Blocks; k++)
        {
            int start = Layout.BlockStart(k);
            for (int j = start; j < start + Layout.WeightsPerBlock; j++)
            {
                gradient[j] += c * theta[j];
                diagonal[j] += c;
            }
        }

        return f + 0.5 * c * WeightSquares(theta);
    }

    /// <summary>H·z of F_B + (c/2)‖w‖² (one probe); <paramref name="gradient"/> is scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void HessianProduct(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, double c, ReadOnlySpan<double> z,
        Span<double> product, Span<double> gradient)
    {
        if (_store is null)
        {
            _data.EvaluateWithHessianProducts(rows, theta, gradient, z, product);
        }
        else
        {
            if (!(_stored && _storedRows.Equals(rows) && theta.SequenceEqual(_storedAt)))
            {
                StoreCurvatures(rows, theta, gradient, _diagonalScratch);
            }

            _store.HessianProduct(rows, theta, _curvatures, z, product);
        }

        for (int k = 0; k < Layout.Blocks; k++)
        {
            int start = Layout.BlockStart(k);
            for (int j = start; j < start + Layout.WeightsPerBlock; j++)
            {
                product[j] += c * z[j];
            }
        }
    }

    // The data term's value, gradient and diagonal at θ, storing the rows' curvatures there for the products.
    private double StoreCurvatures(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
        Span<double> diagonal)
    {
        long length = (long)rows.Length * _store!.CurvaturesPerRow;
        if (_curvatures.Length < length)
        {
            _curvatures = new double[length];
        }

        _stored = false;
        double f = _store.EvaluateWithExactDiagonal(rows, theta, gradient, diagonal, _curvatures);
        theta.CopyTo(_storedAt);
        _storedRows = rows;
        _stored = true;
        return f;
    }

    /// <summary>Σ ‖w_k‖² over the blocks' weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double WeightSquares(ReadOnlySpan<double> theta)
    {
        double sum = 0;
        for (int k = 0; k < Layout.Blocks; k++)
        {
            foreach (double w in theta.Slice(Layout.BlockStart(k), Layout.WeightsPerBlock))
            {
                sum += w * w;
            }
        }

        return sum;
    }

    /// <summary>True for a weight, false for a bias.</summary>
    public bool IsWeight(int j) => j % Layout.BlockLength != Layout.WeightsPerBlock;
}
