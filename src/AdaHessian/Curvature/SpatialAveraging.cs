using System.Runtime.CompilerServices;

namespace AdaHessian.Curvature;

/// <summary>
/// AdaHessian's spatial averaging: each weight's curvature is replaced by the mean over its block of b consecutive
/// weights (the last block may be shorter). The final element, the bias, is never mixed with the weights.
/// </summary>
internal static class SpatialAveraging
{
    /// <summary>Writes the block means of <paramref name="diagonal"/> into <paramref name="destination"/> (may alias).</summary>
    /// <param name="diagonal">d weight entries followed by the bias entry.</param>
    /// <param name="blockSize">b ≥ 1; 1 copies the input.</param>
    /// <param name="destination">Same length as <paramref name="diagonal"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlySpan<double> diagonal, int blockSize, Span<double> destination)
    {
        OptionChecks.AtLeastOne(blockSize, nameof(blockSize));
        if (destination.Length != diagonal.Length || diagonal.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), "Must be as long as diagonal (weights then bias).");
        }

        int d = diagonal.Length - 1;
        destination[d] = diagonal[d];
        if (blockSize == 1)
        {
            // A block of one: the mean (0 + x) / 1 is x, except that −0 becomes +0, which the addition keeps.
            for (int j = 0; j < d; j++)
            {
                destination[j] = 0.0 + diagonal[j];
            }

            return;
        }

        for (int start = 0; start < d; start += blockSize)
        {
            int length = Math.Min(blockSize, d - start);
            double sum = 0;
            for (int j = start; j < start + length; j++)
            {
                sum += diagonal[j];
            }

            double mean = sum / length;
            destination.Slice(start, length).Fill(mean);
        }
    }
}
