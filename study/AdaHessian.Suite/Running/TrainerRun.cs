using System.Diagnostics;
using System.Text.RegularExpressions;
using AdaHessian.Suite.Metrics;
using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.Running;

/// <summary>
/// Fits one trainer a number of times on one dataset, each fit in its own <c>MLContext(seed: 0)</c>, timing each, and
/// measures the first fit's model. A fit that throws ends the runs: the exception is the outcome.
/// </summary>
internal static partial class TrainerRun
{
    /// <summary>Runs <paramref name="trainer"/> <paramref name="fits"/> times on <paramref name="data"/>.</summary>
    public static TrainerOutcome Run(SuiteTrainer trainer, PreparedData data, int fits)
    {
        var seconds = new List<double>();
        LinearModel? first = null;
        string? note = null;
        for (int k = 0; k < fits; k++)
        {
            var ml = new MLContext(seed: 0);
            var tuned = new List<string>();
            ml.Log += (_, e) =>
            {
                if (AutoTuned().IsMatch(e.Message))
                {
                    lock (tuned)
                    {
                        tuned.Add(e.Message);
                    }
                }
            };
            var clock = Stopwatch.StartNew();
            try
            {
                var model = trainer.Fit(ml, data.TrainView);
                seconds.Add(clock.Elapsed.TotalSeconds);
                first ??= model;
                note ??= Describe(tuned);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
                return TrainerOutcome.Failed(trainer.Name, Innermost(e), seconds);
            }
        }

        return new TrainerOutcome(trainer.Name,
            LogisticMetrics.Objective(data.Train, first!, TrainerRegistry.L2),
            LogisticMetrics.TestLogLoss(data.Test, first!),
            LogisticMetrics.Auc(data.Test, first!),
            seconds, null, note);
    }

    // ML.NET wraps some trainer exceptions; the table shows the one that says what went wrong.
    internal static Exception Innermost(Exception e) =>
        e is System.Reflection.TargetInvocationException or AggregateException && e.InnerException is { } inner ? Innermost(inner) : e;

    private static string? Describe(List<string> tuned)
    {
        var values = tuned.Select(m => AutoTuned().Match(m)).Where(m => m.Success)
            .Select(m => m.Groups["value"].Value.Trim().TrimEnd('.')).Distinct().ToList();
        return values.Count == 0 ? null : "auto-tuned " + string.Join("; ", values);
    }

    [GeneratedRegex(@"Auto-tuning parameters:\s*(?<value>.+)")]
    private static partial Regex AutoTuned();
}
