using System.Runtime.CompilerServices;
using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// The raw sum Σω p⊙(u − ū)⊗x̃ (uₖ = zₖ·x̃, ū = Σₖ pₖuₖ) of a softmax layer on a list of rows, from every row's
/// probabilities that a <see cref="SoftmaxPass"/> stored at the same θ: per row and class one dot product and one
/// update, without the logits, the exponentials or the gradient that a probe pass recomputes. The sum is bitwise the
/// softmax pass's single-probe product at that θ: the same kernels' same sums, row for row in the same order.
/// </summary>
internal ref struct SoftmaxCurvatureProductPass
{
    private readonly MulticlassDataset _data;
    private readonly ReadOnlySpan<double> _probabilities;
    private readonly ReadOnlySpan<double> _z;
    private readonly Span<double> _products;
    private readonly Span<double> _u;

    /// <param name="data">The examples.</param>
    /// <param name="probabilities">K probabilities of every row of the pass (row r, by position, at [rK, rK + K)).</param>
    /// <param name="z">The direction, laid out like θ.</param>
    /// <param name="products">Σω p⊙(u − ū)⊗x̃, cleared by the caller.</param>
    /// <param name="scratch">At least K doubles of working space.</param>
    public SoftmaxCurvatureProductPass(MulticlassDataset data, ReadOnlySpan<double> probabilities, ReadOnlySpan<double> z,
        Span<double> products, Span<double> scratch)
    {
        _data = data;
        _probabilities = probabilities;
        _z = z;
        _products = products;
        _u = scratch[..data.ClassCount];
    }

    /// <summary>Adds the rows' contributions to the products and returns Σω.</summary>
    public double Run(ReadOnlySpan<int> rows) =>
        _data.Features.IsSparse ? RunRows<SparseRow>(rows) : RunRows<DenseRow>(rows);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double RunRows<TRow>(ReadOnlySpan<int> rows)
        where TRow : struct, IRowKernels
    {
        int classes = _data.ClassCount;
        int d = _data.FeatureCount;
        int b = d + 1;
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
            ReadOnlySpan<double> p = _probabilities.Slice(r * classes, classes);
            double uMean = 0;
            for (int k = 0; k < classes; k++)
            {
                int start = k * b;
                _u[k] = TRow.Dot(row, _z.Slice(start, d)) + _z[start + d];
            }

            for (int k = 0; k < classes; k++)
            {
                uMean += p[k] * _u[k];
            }

            for (int k = 0; k < classes; k++)
            {
                int start = k * b;
                double ch = omega * p[k] * (_u[k] - uMean);
                TRow.AddScaled(ch, row, _products.Slice(start, d));
                _products[start + d] += ch;
            }

            weightSum += omega;
        }

        return weightSum;
    }
}
