using System.Runtime.CompilerServices;
using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// The raw sum Σω ℓ″ (x̃·z) x̃ of a logistic neuron on a list of rows, from every row's ωℓ″ that a
/// <see cref="FusedPass"/> stored at the same θ: per row one dot product and one update, without the loss, its
/// derivatives or the gradient that a probe pass recomputes. The sum is bitwise the fused pass's single-probe product
/// at that θ: Dot2's second sum is Dot's and AddScaled2's second update is AddScaled's, row for row in the same order.
/// </summary>
internal readonly ref struct CurvatureProductPass
{
    private readonly LogisticDataset _data;
    private readonly ReadOnlySpan<double> _curvatures;
    private readonly ReadOnlySpan<double> _z;
    private readonly Span<double> _products;

    /// <param name="data">The examples.</param>
    /// <param name="curvatures">ωℓ″ of every row of the pass, by position in the rows.</param>
    /// <param name="z">The direction, laid out like θ.</param>
    /// <param name="products">Σω ℓ″ (x̃·z) x̃, cleared by the caller.</param>
    public CurvatureProductPass(LogisticDataset data, ReadOnlySpan<double> curvatures, ReadOnlySpan<double> z,
        Span<double> products)
    {
        _data = data;
        _curvatures = curvatures;
        _z = z;
        _products = products;
    }

    /// <summary>Adds the rows' contributions to the products and returns Σω.</summary>
    public double Run(ReadOnlySpan<int> rows) =>
        _data.Features.IsSparse ? RunRows<SparseRow>(rows) : RunRows<DenseRow>(rows);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double RunRows<TRow>(ReadOnlySpan<int> rows)
        where TRow : struct, IRowKernels
    {
        int d = _data.FeatureCount;
        ReadOnlySpan<double> zw = _z[..d];
        Span<double> products = _products[..d];
        double weightSum = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            int i = rows[r];
            double omega = _data.Weights is { } weights ? weights[i] : 1.0;
            if (omega == 0)
            {
                continue;
            }

            FeatureRow row = _data.Features.Row(i);
            double ch = _curvatures[r] * (TRow.Dot(row, zw) + _z[d]);
            TRow.AddScaled(ch, row, products);
            _products[d] += ch;
            weightSum += omega;
        }

        return weightSum;
    }
}
