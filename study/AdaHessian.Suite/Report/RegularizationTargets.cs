using System.Text;
using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;
using static AdaHessian.Suite.Report.L2Targets;

namespace AdaHessian.Suite.Report;

/// <summary>
/// The binary trainers' <see cref="L2Targets"/>, checked per dataset from the outcomes, one line per source that
/// chooses its own L2.
/// </summary>
internal static class RegularizationTargets
{
    /// <summary>The cross-validated baseline's source name.</summary>
    public const string CrossValidated = "L-BFGS, CV L2";

    /// <summary>Appends one line per source that chooses its own L2 (every source but the cross-validated L-BFGS).</summary>
    public static void Append(StringBuilder text, SuiteResult result)
    {
        var ran = result.Datasets.Where(d => !d.Skipped).ToList();
        foreach (string source in result.Regularization.Select(s => s.Name).Where(n => n != CrossValidated))
        {
            var best = new TargetTally();
            var crossValidated = new TargetTally();
            var time = new TargetTally();
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
                    best.Add(d.Name, mine.TestLogLoss <= OverBest * baselines.Min(), Times(mine.TestLogLoss / baselines.Min()));
                }

                if (d.Regularization.FirstOrDefault(o => o.Source == CrossValidated) is { Succeeded: true } cv)
                {
                    crossValidated.Add(d.Name, mine.TestLogLoss <= OverCrossValidated * cv.TestLogLoss, Times(mine.TestLogLoss / cv.TestLogLoss));
                    time.Add(d.Name, InTime(mine.MedianSeconds, cv.MedianSeconds), Times(mine.MedianSeconds / cv.MedianSeconds));
                }
            }

            text.Append($"- **{source}**, targets: test log-loss ≤ {OverBest:0.00} × min(L-BFGS at L2 = 1, SDCA) on {best.Fraction}; " +
                $"≤ {OverCrossValidated:0.00} × the cross-validated L-BFGS on {crossValidated.Fraction}; fit (choice included) ≤ " +
                $"{TimeShare:0.##} × the cross-validated search or under {AlwaysInTime * 1000:0} ms on {time.Fraction}.\n");
        }

        text.Append('\n');
    }

    private static string Times(double ratio) => $"{ratio:0.00}×";
}
