using MathNet.Numerics.Statistics;

namespace AdaHessian.Study.Statistics;

/// <summary>
/// Sample quantiles by Hyndman &amp; Fan's definition 7 (MathNet <see cref="QuantileDefinition.R7"/>; the default of R
/// and of NumPy's "linear" method): with the values sorted x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1)τ,
/// Q(τ) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋). The median is the usual one (mean of the middle two for even n).
/// +∞ is allowed and stands for a failed run: an interpolation towards +∞ gives +∞ (MathNet would give NaN when
/// both neighbours are infinite). NaN is rejected.
/// </summary>
internal static class Quantiles
{
    /// <summary>The τ-quantile of <paramref name="values"/> (any order; not modified).</summary>
    /// <exception cref="ArgumentException">No values, or a NaN among them.</exception>
    /// <exception cref="ArgumentOutOfRangeException">τ is outside [0, 1].</exception>
    public static double Of(IReadOnlyCollection<double> values, double tau) => OfSorted(Sorted(values), tau);

    /// <summary>(first quartile, median, third quartile) of <paramref name="values"/>.</summary>
    public static (double Q1, double Median, double Q3) Quartiles(IReadOnlyCollection<double> values)
    {
        double[] sorted = Sorted(values);
        return (OfSorted(sorted, 0.25), OfSorted(sorted, 0.5), OfSorted(sorted, 0.75));
    }

    /// <summary>The τ-quantile of values already sorted in ascending order.</summary>
    public static double OfSorted(double[] sorted, double tau)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("Needs at least one value.", nameof(sorted));
        }

        if (!(tau >= 0 && tau <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "Must be in [0, 1].");
        }

        double h = (sorted.Length - 1) * tau;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Length - 1);
        if (double.IsPositiveInfinity(sorted[above]))
        {
            return h == below ? sorted[below] : double.PositiveInfinity;
        }

        return SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
    }

    private static double[] Sorted(IReadOnlyCollection<double> values)
    {
        double[] sorted = values.ToArray();
        if (sorted.Any(double.IsNaN))
        {
            throw new ArgumentException("NaN has no rank; encode failures as +∞.", nameof(values));
        }

        Array.Sort(sorted);
        return sorted;
    }
}
