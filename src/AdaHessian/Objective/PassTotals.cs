using System.Runtime.CompilerServices;

namespace AdaHessian.Objective;

/// <summary>
/// Turns the raw sums of a pass (Σωℓ, Σω and the Σω… vectors) into batch means and adds the L2 terms
/// (λ/Ω on the weights of every block of the layout; each bias gets + 0 and is never regularised).
/// </summary>
internal static class PassTotals
{
    /// <summary>Scales the accumulators in place and returns F_B = Σωℓ/Ω_B + (λ/2Ω) Σₖ ‖wₖ‖².</summary>
    /// <param name="layout">Blocks of weights then a bias; every vector below is laid out this way (probes and products N times).</param>
    /// <param name="lossSum">Σωℓ over the batch.</param>
    /// <param name="weightSum">Ω_B; a batch of weight 0 gives zero means.</param>
    /// <param name="l2">λ/Ω.</param>
    /// <param name="theta">The parameters.</param>
    /// <param name="probes">The probes whose products are in <paramref name="products"/> (may be empty).</param>
    /// <param name="gradient">Σωℓ′x̃ → the gradient (may be empty).</param>
    /// <param name="products">Σω(H_ℓ z)x̃ → H·z for each probe (may be empty).</param>
    /// <param name="diagonal">Σωℓ″x̃² → the exact diagonal (may be empty).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Finish(ParameterLayout layout, double lossSum, double weightSum, double l2,
        ReadOnlySpan<double> theta, ReadOnlySpan<double> probes, Span<double> gradient, Span<double> products,
        Span<double> diagonal)
    {
        int d = layout.WeightsPerBlock;
        int p = layout.ParameterCount;
        double scale = weightSum > 0 ? 1 / weightSum : 0;
        double norm = 0;
        for (int k = 0; k < layout.Blocks; k++)
        {
            int start = layout.BlockStart(k);
            if (gradient.Length > 0)
            {
                RowKernels.ScaleAndAdd(gradient.Slice(start, d), scale, l2, theta.Slice(start, d));
                gradient[start + d] = gradient[start + d] * scale + 0;
            }

            for (int s = start; s < products.Length; s += p)
            {
                RowKernels.ScaleAndAdd(products.Slice(s, d), scale, l2, probes.Slice(s, d));
                products[s + d] = products[s + d] * scale + 0;
            }

            if (diagonal.Length > 0)
            {
                RowKernels.ScaleAndShift(diagonal.Slice(start, d), scale, l2);
                diagonal[start + d] = diagonal[start + d] * scale + 0;
            }

            // 0 + ‖w₀‖² is ‖w₀‖² exactly (a sum of squares is never −0), so one block gives the one-block bits.
            norm += RowKernels.SumOfSquares(theta.Slice(start, d));
        }

        return lossSum * scale + 0.5 * l2 * norm;
    }
}
