using AdaHessian.Suite.Report;
using MathNet.Numerics.Statistics;
using static AdaHessian.Suite.MulticlassSuite.MulticlassSuiteMethods;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>The report's conclusions about AdaHessianMaximumEntropy at its defaults, each computed from the outcomes.</summary>
internal static class MulticlassSuiteConclusions
{
    /// <summary>The relative change in test log-loss that counts as better or worse.</summary>
    public const double Tolerance = 0.01;

    /// <summary>All conclusions, in report order: one per other method, then the time and the chosen L2.</summary>
    public static IEnumerable<string> All(MulticlassSuiteResult result)
    {
        var ran = result.Ran.ToList();
        foreach (string other in result.Methods.Select(m => m.Name).Where(n => n != AdaHessianDefaults))
        {
            yield return Against(ran, other);
        }

        yield return Time(ran);
        yield return ChosenL2(ran);
    }

    /// <summary>On how many datasets the default's test log-loss beats, or loses to, <paramref name="other"/>'s by more than 1 %, and the median ratio.</summary>
    public static string Against(IReadOnlyList<MulticlassDatasetOutcome> ran, string other)
    {
        var ratios = Ratios(ran, other, o => o.TestLogLoss);
        if (ratios.Count == 0)
        {
            return $"Against **{other}**: no dataset where both ran.";
        }

        int better = ratios.Count(p => p.Ratio < 1 - Tolerance), worse = ratios.Count(p => p.Ratio > 1 + Tolerance);
        return $"Against **{other}**: test log-loss lower by more than {Tolerance:P0} on {Cells.Count(better, ratios.Count)} datasets, " +
            $"higher by more than {Tolerance:P0} on {Cells.Count(worse, ratios.Count)}; ratio median {Cells.LossRatio(ratios.Select(p => p.Ratio).Median())}" +
            Range(ratios, Cells.LossRatio) + ".";
    }

    /// <summary>The default's fit time over the cross-validated search's and over L-BFGS's fit at L2 = 1.</summary>
    public static string Time(IReadOnlyList<MulticlassDatasetOutcome> ran)
    {
        var search = Ratios(ran, LbfgsCrossValidated, o => o.MedianSeconds);
        var fit = Ratios(ran, LbfgsFixed, o => o.MedianSeconds);
        string Median(List<(string Name, double Ratio)> r) => r.Count == 0 ? "–" : Cells.Ratio(r.Select(p => p.Ratio).Median());
        return $"Fit time of {AdaHessianDefaults} (choice of L2 included) over the whole search of **{LbfgsCrossValidated}**: median " +
            $"{Median(search)}{Range(search, Cells.Ratio)}; over the fit of **{LbfgsFixed}**: median {Median(fit)}{Range(fit, Cells.Ratio)}.";
    }

    /// <summary>The range of the L2 the default chose, and of the cross-validated L-BFGS's.</summary>
    public static string ChosenL2(IReadOnlyList<MulticlassDatasetOutcome> ran)
    {
        string Span(string method)
        {
            double[] l2 = [.. ran.Select(d => d.Find(method)).OfType<MulticlassMethodOutcome>().Where(o => o.Succeeded && double.IsFinite(o.L2)).Select(o => o.L2)];
            return l2.Length == 0 ? "none" : $"{Cells.L2(l2.Min())} to {Cells.L2(l2.Max())}";
        }

        return $"Chosen L2: {AdaHessianDefaults} {Span(AdaHessianDefaults)}; {LbfgsCrossValidated} {Span(LbfgsCrossValidated)}.";
    }

    // Per dataset where both succeeded: the default's value over the other's (finite ratios only).
    private static List<(string Name, double Ratio)> Ratios(IReadOnlyList<MulticlassDatasetOutcome> ran, string other,
        Func<MulticlassMethodOutcome, double> value) =>
        [.. ran.Select(d => (d.Name, Mine: d.Find(AdaHessianDefaults), Other: d.Find(other)))
            .Where(p => p.Mine is { Succeeded: true } && p.Other is { Succeeded: true })
            .Select(p => (p.Name, Ratio: value(p.Mine!) / value(p.Other!)))
            .Where(p => double.IsFinite(p.Ratio))];

    private static string Range(List<(string Name, double Ratio)> ratios, Func<double, string> format)
    {
        if (ratios.Count < 2)
        {
            return "";
        }

        var (lowName, low) = ratios.MinBy(p => p.Ratio);
        var (highName, high) = ratios.MaxBy(p => p.Ratio);
        return $" (from {format(low)} on {lowName} to {format(high)} on {highName})";
    }
}
