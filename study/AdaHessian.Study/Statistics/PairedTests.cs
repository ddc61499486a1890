using MathNet.Numerics.Distributions;

namespace AdaHessian.Study.Statistics;

/// <summary>Two-sided tests for paired samples. Pure functions; +∞ (a failed run) is an ordinary, largest value.</summary>
internal static class PairedTests
{
    /// <summary>
    /// Wilcoxon signed-rank test, normal approximation as R's <c>wilcox.test(a, b, paired = TRUE, exact = FALSE)</c>:
    /// zero differences are dropped; |dᵢ| get average ranks; with n non-zero pairs and tie groups of sizes t,
    /// z = (W⁺ − n(n+1)/4 − ½·sign) / √(n(n+1)(2n+1)/24 − Σ(t³ − t)/48), p = 2Φ(−|z|).
    /// A pair where both values are +∞ counts as equal; one +∞ gives the largest |d|.
    /// </summary>
    /// <exception cref="ArgumentException">The samples differ in length or hold NaN.</exception>
    public static WilcoxonResult WilcoxonSignedRank(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        CheckPairs(a, b);
        var magnitudes = new List<double>();
        var positive = new List<bool>();
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                magnitudes.Add(Math.Abs(a[i] - b[i]));
                positive.Add(a[i] > b[i]);
            }
        }

        int n = magnitudes.Count;
        if (n == 0)
        {
            return new WilcoxonResult(0, 0, 0, 1);
        }

        double[] ranks = MathNet.Numerics.Statistics.Statistics.Ranks(magnitudes, MathNet.Numerics.Statistics.RankDefinition.Average);
        double positiveSum = Enumerable.Range(0, n).Where(i => positive[i]).Sum(i => ranks[i]);
        double ties = magnitudes.GroupBy(m => m).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24 - ties / 48;
        double centred = positiveSum - mean;
        double z = (centred - 0.5 * Math.Sign(centred)) / Math.Sqrt(variance);
        return new WilcoxonResult(n, positiveSum, z, Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z))));
    }

    /// <summary>
    /// Exact two-sided sign test: with k = min(wins, losses) and n = wins + losses (ties dropped),
    /// p = min(1, 2·P[X ≤ k]) for X ~ Binomial(n, ½); 1 when n = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double SignTest(int wins, int losses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wins);
        ArgumentOutOfRangeException.ThrowIfNegative(losses);
        int n = wins + losses;
        return n == 0 ? 1 : Math.Min(1, 2 * Binomial.CDF(0.5, n, Math.Min(wins, losses)));
    }

    /// <summary>(pairs with a &lt; b, pairs with a &gt; b, pairs with a = b); two +∞ are equal.</summary>
    public static (int Below, int Above, int Equal) Count(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        CheckPairs(a, b);
        int below = 0, above = 0;
        for (int i = 0; i < a.Count; i++)
        {
            below += a[i] < b[i] ? 1 : 0;
            above += a[i] > b[i] ? 1 : 0;
        }

        return (below, above, a.Count - below - above);
    }

    private static void CheckPairs(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Paired samples must have equal lengths ({a.Count} vs {b.Count}).", nameof(b));
        }

        if (a.Any(double.IsNaN) || b.Any(double.IsNaN))
        {
            throw new ArgumentException("NaN cannot be compared; encode failures as +∞.", nameof(a));
        }
    }
}
