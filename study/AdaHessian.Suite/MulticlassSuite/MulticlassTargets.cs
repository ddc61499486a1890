using System.Globalization;
using AdaHessian.Suite.Report;
using static AdaHessian.Suite.MulticlassSuite.MulticlassSuiteMethods;
using static AdaHessian.Suite.Report.L2Targets;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>
/// The <see cref="L2Targets"/> of AdaHessianMaximumEntropy at its defaults, checked per dataset from the outcomes,
/// against LbfgsMaximumEntropy at L2 = 1, SdcaMaximumEntropy and the cross-validated LbfgsMaximumEntropy. A dataset counts for a target when its baseline ran; a failed default fit counts as a miss.
/// </summary>
internal static class MulticlassTargets
{
    /// <summary>The three targets as report lines, each "…: met on N/M (missed: …)".</summary>
    public static IEnumerable<string> Lines(IEnumerable<MulticlassDatasetOutcome> datasets)
    {
        var ran = datasets.Where(d => !d.Skipped).ToList();
        yield return string.Create(CultureInfo.InvariantCulture,
            $"test log-loss ≤ {OverBest:0.00} × the lower of **{LbfgsFixed}** and **{Sdca}**: {AgainstBest(ran)}");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"test log-loss ≤ {OverCrossValidated:0.00} × **{LbfgsCrossValidated}**: {AgainstCrossValidated(ran)}");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"fit time (choice of L2 included) ≤ {TimeShare:0.##} × the whole search of **{LbfgsCrossValidated}**, or under {AlwaysInTime * 1000:0} ms: {Time(ran)}");
    }

    /// <summary>Test log-loss ≤ <see cref="OverBest"/> × the lower of L-BFGS at L2 = 1 and SDCA (whichever ran).</summary>
    public static TargetTally AgainstBest(IEnumerable<MulticlassDatasetOutcome> datasets)
    {
        var tally = new TargetTally();
        foreach (MulticlassDatasetOutcome d in datasets)
        {
            double[] baselines = [.. new[] { LbfgsFixed, Sdca }.Select(d.Find).OfType<MulticlassMethodOutcome>()
                .Where(o => o.Succeeded && double.IsFinite(o.TestLogLoss)).Select(o => o.TestLogLoss)];
            if (d.Find(AdaHessianDefaults) is { } mine && baselines.Length > 0)
            {
                AddLoss(tally, d.Name, mine, baselines.Min(), OverBest);
            }
        }

        return tally;
    }

    /// <summary>Test log-loss ≤ <see cref="OverCrossValidated"/> × the cross-validated L-BFGS's.</summary>
    public static TargetTally AgainstCrossValidated(IEnumerable<MulticlassDatasetOutcome> datasets)
    {
        var tally = new TargetTally();
        foreach (MulticlassDatasetOutcome d in datasets)
        {
            if (d.Find(AdaHessianDefaults) is { } mine && d.Find(LbfgsCrossValidated) is { Succeeded: true } cv && double.IsFinite(cv.TestLogLoss))
            {
                AddLoss(tally, d.Name, mine, cv.TestLogLoss, OverCrossValidated);
            }
        }

        return tally;
    }

    /// <summary>Median fit time &lt; <see cref="AlwaysInTime"/>, or ≤ <see cref="TimeShare"/> × the cross-validated search's time.</summary>
    public static TargetTally Time(IEnumerable<MulticlassDatasetOutcome> datasets)
    {
        var tally = new TargetTally();
        foreach (MulticlassDatasetOutcome d in datasets)
        {
            if (d.Find(AdaHessianDefaults) is not { } mine || d.Find(LbfgsCrossValidated) is not { Succeeded: true } cv)
            {
                continue;
            }

            double seconds = mine.MedianSeconds, search = cv.MedianSeconds;
            tally.Add(d.Name, mine.Succeeded && InTime(seconds, search),
                mine.Succeeded ? Cells.Ratio(seconds / search) : "failed");
        }

        return tally;
    }

    private static void AddLoss(TargetTally tally, string dataset, MulticlassMethodOutcome mine, double baseline, double slack) =>
        tally.Add(dataset, mine.Succeeded && mine.TestLogLoss <= slack * baseline,
            mine.Succeeded ? Cells.LossRatio(mine.TestLogLoss / baseline) : "failed");
}
