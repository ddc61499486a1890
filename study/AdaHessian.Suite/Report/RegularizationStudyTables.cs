using AdaHessian.Suite.Running;
using MathNet.Numerics.Statistics;

namespace AdaHessian.Suite.Report;

/// <summary>The tables of the regularisation study, each built from the outcomes.</summary>
internal static class RegularizationStudyTables
{
    /// <summary>One row per paired comparison.</summary>
    public static MarkdownTable Paired(IReadOnlyList<PairedScore> pairs)
    {
        string tolerance = $"{PairedComparison.Tolerance:P0}";
        var table = new MarkdownTable("A", "B", "datasets", $"A lower by > {tolerance}", $"A higher by > {tolerance}", $"within {tolerance}",
            "median A / B", "sign test p", "Wilcoxon p");
        foreach (var s in pairs)
        {
            table.Add(s.A, s.B, $"{s.Datasets}", $"{s.Better}", $"{s.Worse}", $"{s.Level}", Cells.LossRatio(s.MedianRatio),
                PairedComparison.P(s.SignTestP), PairedComparison.P(s.WilcoxonP));
        }

        return table;
    }

    /// <summary>Each method of <see cref="RegularizationMethod.Choices"/> against the best grid L2 in hindsight.</summary>
    public static IReadOnlyList<HindsightScore> Hindsight(SuiteResult result) =>
        [.. RegularizationMethod.Choices(result).Select(m => Hindsight(result, m))];

    /// <summary>One row per method of <paramref name="scores"/>.</summary>
    public static MarkdownTable Hindsight(IReadOnlyList<HindsightScore> scores)
    {
        var table = new MarkdownTable("method", "datasets", "median ratio", "max ratio", $"within {PairedComparison.Tolerance:P0}",
            $"within {L2Targets.OverCrossValidated - 1:P0}");
        foreach (var s in scores)
        {
            table.Add(s.Method, $"{s.Datasets}", Cells.LossRatio(s.MedianRatio),
                Cells.LossRatio(s.MaxRatio) + (s.MaxDataset is null ? "" : $" ({s.MaxDataset})"),
                Cells.Count(s.WithinOnePercent, s.Datasets), Cells.Count(s.WithinThreePercent, s.Datasets));
        }

        return table;
    }

    /// <summary>Per dataset that ran: the path's best L2 and its test log-loss, each method's ratio to it, the path's time.</summary>
    public static MarkdownTable Datasets(SuiteResult result)
    {
        var methods = RegularizationMethod.Choices(result);
        var best = RegularizationMethod.BestInHindsight;
        var table = new MarkdownTable(["dataset", "train rows", "best grid L2", "its test log-loss", .. methods.Select(m => $"{m.Name} / best"), "path time"]);
        foreach (var d in result.Datasets.Where(d => !d.Skipped))
        {
            double floor = best.TestLogLoss(d);
            table.Add([d.Name, $"{d.TrainRows:N0}", Cells.L2(best.L2(d)), Cells.Number(floor),
                .. methods.Select(m => Cells.LossRatio(m.TestLogLoss(d) / floor)),
                d.Path is { Succeeded: true } path ? Cells.Seconds(path.Seconds) : d.Path?.Error ?? d.Path?.SkipReason ?? "–"]);
        }

        return table;
    }

    private static HindsightScore Hindsight(SuiteResult result, RegularizationMethod method)
    {
        var best = RegularizationMethod.BestInHindsight;
        var ratios = RegularizationMethod.Comparable(result, method, best)
            .Select(d => (d.Name, Ratio: method.TestLogLoss(d) / best.TestLogLoss(d))).ToList();
        var max = ratios.OrderByDescending(r => r.Ratio).FirstOrDefault();
        return new HindsightScore(method.Name, ratios.Count,
            ratios.Count == 0 ? double.NaN : ratios.Select(r => r.Ratio).Median(),
            max.Name is null ? double.NaN : max.Ratio, max.Name,
            ratios.Count(r => r.Ratio <= 1 + PairedComparison.Tolerance),
            ratios.Count(r => r.Ratio <= L2Targets.OverCrossValidated));
    }
}
