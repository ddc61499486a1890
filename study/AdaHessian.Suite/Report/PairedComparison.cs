using AdaHessian.Study.Statistics;
using MathNet.Numerics.Statistics;

namespace AdaHessian.Suite.Report;

/// <summary>
/// Paired comparisons of test log-losses across datasets, and the sentence each one supports. Ratios, not
/// differences: a log-loss of 0.05 and one of 0.6 are on different scales, so the Wilcoxon test ranks log(A/B).
/// </summary>
internal static class PairedComparison
{
    /// <summary>The relative change that counts as better or worse (as in the regularisation table).</summary>
    public const double Tolerance = RegularizationSummary.Tolerance;

    /// <summary>The significance level of the conclusions.</summary>
    public const double Level = 0.05;

    /// <summary>Compares <paramref name="a"/> with <paramref name="b"/>, one pair of positive test log-losses per dataset.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a loss is not positive and finite.</exception>
    public static PairedScore Compare(string nameA, string nameB, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Paired samples must have equal lengths ({a.Count} vs {b.Count}).", nameof(b));
        }

        if (a.Concat(b).Any(x => !(x > 0 && double.IsFinite(x))))
        {
            throw new ArgumentException("Every test log-loss must be positive and finite.", nameof(a));
        }

        double[] ratios = [.. a.Zip(b, (x, y) => x / y)];
        int better = ratios.Count(r => r < 1 - Tolerance), worse = ratios.Count(r => r > 1 + Tolerance);
        var wilcoxon = PairedTests.WilcoxonSignedRank([.. a.Select(x => Math.Log(x))], [.. b.Select(x => Math.Log(x))]);
        return new PairedScore(nameA, nameB, ratios.Length, better, worse, ratios.Length == 0 ? double.NaN : ratios.Median(),
            PairedTests.SignTest(better, worse), wilcoxon.PValue, wilcoxon.Z);
    }

    /// <summary>What <paramref name="s"/> supports at <see cref="Level"/>, in one sentence written from its numbers.</summary>
    public static string Conclusion(PairedScore s)
    {
        string counts = $"lower by more than {Tolerance:P0} on {s.Better} of {s.Datasets} datasets, higher on {s.Worse}, " +
            $"within {Tolerance:P0} on {s.Level}; median ratio {Cells.LossRatio(s.MedianRatio)}";
        string tests = $"Wilcoxon signed-rank p = {P(s.WilcoxonP)}, sign test p = {P(s.SignTestP)}";
        if (s.Datasets == 0)
        {
            return $"**{s.A}** and **{s.B}** have no dataset in common.";
        }

        return s.WilcoxonP < Level
            ? $"**{s.A}** has {(s.WilcoxonZ < 0 ? "lower" : "higher")} test log-loss than **{s.B}** at the {Level:P0} level ({tests}): {counts}."
            : $"**{s.A}** and **{s.B}** do not differ at the {Level:P0} level ({tests}): {s.A} is {counts}.";
    }

    /// <summary>A p-value with two significant digits ("0.031", "0.00042", "1"), "&lt; 0.0001" below that, "–" for NaN.</summary>
    public static string P(double p) => double.IsNaN(p)
        ? "–"
        : p < 1e-4 ? "< 0.0001" : p.ToString("G2", System.Globalization.CultureInfo.InvariantCulture);
}
