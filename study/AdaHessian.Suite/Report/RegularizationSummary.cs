using AdaHessian.Suite.Running;
using MathNet.Numerics.Statistics;

namespace AdaHessian.Suite.Report;

/// <summary>Compares each regularisation source with L-BFGS at L2 = 1, from the outcomes (nothing hand-written).</summary>
internal static class RegularizationSummary
{
    /// <summary>The relative change in test log-loss that counts as better or worse.</summary>
    public const double Tolerance = 0.01;

    /// <summary>One score per regularisation source of <paramref name="result"/>, in source order.</summary>
    public static IReadOnlyList<RegularizationScore> Score(SuiteResult result)
    {
        var ran = result.Datasets.Where(d => !d.Skipped).ToList();
        return [.. result.Regularization.Select(s => Score(s.Name, ran))];
    }

    private static RegularizationScore Score(string source, List<DatasetOutcome> datasets)
    {
        var pairs = datasets.Select(d => (Dataset: d, Outcome: d.Regularization.FirstOrDefault(o => o.Source == source)))
            .Where(p => p.Outcome is not null).Select(p => (p.Dataset, Outcome: p.Outcome!)).ToList();
        var succeeded = pairs.Where(p => p.Outcome.Succeeded).ToList();
        var ratios = succeeded.Where(p => p.Dataset.Baseline is { } b && b.TestLogLoss >= SuiteSummary.ExcessFloor)
            .Select(p => (p.Dataset.Name, Ratio: p.Dataset.TestRatio(p.Outcome))).Where(p => !double.IsNaN(p.Ratio)).ToList();
        var l2 = succeeded.Select(p => p.Outcome.L2).Where(x => !double.IsNaN(x)).ToList();
        var times = succeeded.Select(p => (p.Dataset.Name, Seconds: p.Outcome.MedianSeconds)).Where(p => !double.IsNaN(p.Seconds)).ToList();
        var max = ratios.OrderByDescending(p => p.Ratio).FirstOrDefault();
        var min = ratios.OrderBy(p => p.Ratio).FirstOrDefault();
        var slowest = times.OrderByDescending(p => p.Seconds).FirstOrDefault();
        return new RegularizationScore(
            source,
            pairs.Count,
            succeeded.Count,
            pairs.Count(p => p.Outcome.SkipReason is not null),
            pairs.Count(p => p.Outcome.Error is not null),
            ratios.Count,
            ratios.Count(p => p.Ratio < 1 - Tolerance),
            ratios.Count(p => p.Ratio > 1 + Tolerance),
            ratios.Count == 0 ? double.NaN : ratios.Select(p => p.Ratio).Median(),
            max.Name is null ? double.NaN : max.Ratio,
            max.Name,
            min.Name is null ? double.NaN : min.Ratio,
            min.Name,
            l2.Count == 0 ? double.NaN : l2.Min(),
            l2.Count == 0 ? double.NaN : l2.Max(),
            times.Count == 0 ? double.NaN : times.Select(p => p.Seconds).Median(),
            slowest.Name is null ? double.NaN : slowest.Seconds,
            slowest.Name);
    }
}
