using AdaHessian.Suite.Running;

namespace AdaHessian.Suite.Report;

/// <summary>Computes the targets of the defaults issue per trainer, from the outcomes (nothing hand-written).</summary>
internal static class SuiteSummary
{
    /// <summary>Allowed relative excess of test log-loss over L-BFGS's.</summary>
    public const double TestTolerance = 0.01;

    /// <summary>Allowed training-objective gap to F*.</summary>
    public const double GapTolerance = 1e-3;

    /// <summary>
    /// The worst test excess is taken over datasets where L-BFGS's test log-loss is at least this: a ratio to a loss of
    /// almost 0 (one row, fitted exactly) says nothing.
    /// </summary>
    public const double ExcessFloor = 1e-3;

    /// <summary>Allowed fit-time ratio to L-BFGS.</summary>
    public const double TimeTolerance = 2;

    /// <summary>One score per trainer of <paramref name="result"/>, in trainer order.</summary>
    public static IReadOnlyList<TrainerScore> Score(SuiteResult result)
    {
        var ran = result.Datasets.Where(d => !d.Skipped).ToList();
        return [.. result.Trainers.Select(t => Score(t.Name, ran))];
    }

    private static TrainerScore Score(string trainer, List<DatasetOutcome> datasets)
    {
        var pairs = datasets.Select(d => (Dataset: d, Outcome: d.Trainers.FirstOrDefault(o => o.Trainer == trainer)))
            .Where(p => p.Outcome is not null).Select(p => (p.Dataset, Outcome: p.Outcome!)).ToList();
        var compared = pairs.Where(p => p.Dataset.Baseline is not null).ToList();
        var worst = compared.Where(p => p.Outcome.Succeeded && p.Dataset.Baseline!.TestLogLoss >= ExcessFloor)
            .Select(p => (p.Dataset.Name, Excess: p.Outcome.TestLogLoss / p.Dataset.Baseline!.TestLogLoss - 1))
            .OrderByDescending(p => p.Excess).FirstOrDefault();
        var ratios = compared.Where(p => p.Outcome.Succeeded).Select(p => p.Dataset.TimeRatio(p.Outcome)).Order().ToArray();
        return new TrainerScore(
            trainer,
            pairs.Count,
            compared.Count,
            compared.Count(p => p.Outcome.Succeeded && p.Outcome.TestLogLoss <= p.Dataset.Baseline!.TestLogLoss * (1 + TestTolerance)),
            pairs.Count(p => p.Outcome.Succeeded && p.Outcome.Objective <= p.Dataset.ZeroObjective),
            pairs.Count(p => p.Outcome.Succeeded && p.Dataset.Gap(p.Outcome) <= GapTolerance),
            compared.Count(p => p.Outcome.Succeeded && p.Dataset.TimeRatio(p.Outcome) <= TimeTolerance),
            Median(ratios),
            pairs.Count(p => !p.Outcome.Succeeded),
            worst.Name is null ? double.NaN : worst.Excess,
            worst.Name);
    }

    private static double Median(double[] sorted) => sorted.Length == 0
        ? double.NaN
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
