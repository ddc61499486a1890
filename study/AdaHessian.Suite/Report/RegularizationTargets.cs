using System.Text;
using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Report;

/// <summary>
/// The automatic L2's targets, checked per dataset from the outcomes: test log-loss ≤ 1.01 × min(L-BFGS at L2 = 1,
/// SDCA at its defaults) and ≤ 1.03 × the cross-validated L-BFGS's; the fit, choice included, in ≤ 0.25 × the
/// cross-validated search's time, or under 50 ms.
/// </summary>
internal static class RegularizationTargets
{
    /// <summary>The slack over min(L-BFGS at L2 = 1, SDCA).</summary>
    public const double OverBest = 1.01;

    /// <summary>The slack over the cross-validated L-BFGS.</summary>
    public const double OverCrossValidated = 1.03;

    /// <summary>The share of the cross-validated search's time a fit may take.</summary>
    public const double TimeShare = 0.25;

    /// <summary>A fit this short always counts as in time.</summary>
    public const double AlwaysInTime = 0.05;

    /// <summary>The cross-validated baseline's source name.</summary>
    public const string CrossValidated = "L-BFGS, CV L2";

    /// <summary>Appends one line per source that chooses its own L2 (every source but the cross-validated L-BFGS).</summary>
    public static void Append(StringBuilder text, SuiteResult result)
    {
        var ran = result.Datasets.Where(d => !d.Skipped).ToList();
        foreach (string source in result.Regularization.Select(s => s.Name).Where(n => n != CrossValidated))
        {
            var best = new Check();
            var crossValidated = new Check();
            var time = new Check();
            foreach (DatasetOutcome d in ran)
            {
                if (d.Regularization.FirstOrDefault(o => o.Source == source) is not { Succeeded: true } mine)
                {
                    continue;
                }

                double[] baselines = [.. d.Trainers.Where(t => t.Succeeded && t.Trainer is TrainerRegistry.Baseline or "SDCA")
                    .Select(t => t.TestLogLoss).Where(double.IsFinite)];
                if (baselines.Length > 0)
                {
                    best.Add(d.Name, mine.TestLogLoss <= OverBest * baselines.Min(), mine.TestLogLoss / baselines.Min());
                }

                if (d.Regularization.FirstOrDefault(o => o.Source == CrossValidated) is { Succeeded: true } cv)
                {
                    crossValidated.Add(d.Name, mine.TestLogLoss <= OverCrossValidated * cv.TestLogLoss, mine.TestLogLoss / cv.TestLogLoss);
                    time.Add(d.Name, mine.MedianSeconds <= Math.Max(AlwaysInTime, TimeShare * cv.MedianSeconds),
                        mine.MedianSeconds / cv.MedianSeconds);
                }
            }

            text.Append($"- **{source}**, targets: test log-loss ≤ {OverBest:0.00} × min(L-BFGS at L2 = 1, SDCA) on {best}; " +
                $"≤ {OverCrossValidated:0.00} × the cross-validated L-BFGS on {crossValidated}; fit (choice included) ≤ " +
                $"{TimeShare:0.##} × the cross-validated search or under {AlwaysInTime * 1000:0} ms on {time}.\n");
        }

        text.Append('\n');
    }

    // How many datasets met a target, and the ratio on each that missed it.
    private sealed class Check
    {
        private readonly List<string> _misses = [];
        private int _met;
        private int _total;

        public void Add(string dataset, bool met, double ratio)
        {
            _total++;
            if (met)
            {
                _met++;
            }
            else
            {
                _misses.Add($"{dataset} {ratio:0.00}×");
            }
        }

        public override string ToString() => $"{_met}/{_total}" + (_misses.Count == 0 ? "" : $" (missed: {string.Join(", ", _misses)})");
    }
}
