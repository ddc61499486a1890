using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AdaHessian.Suite.Metrics;
using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.Running;

/// <summary>
/// A trainer that chooses its own L2 and says which in its MLContext log: fitted <c>fits</c> times like every trainer
/// (the time is the median), the chosen L2 read from the first fit's log by <paramref name="chosenL2"/>.
/// </summary>
/// <param name="trainer">The trainer, as the suite's trainers are made.</param>
/// <param name="chosenL2">The L2 a log message reports, or null when the message is about something else.</param>
/// <param name="maximumFits">Fits at most, fewer than the suite's for an ablation that is slow on the largest data; null for the suite's.</param>
internal sealed partial class LoggedL2Source(SuiteTrainer trainer, Func<string, double?> chosenL2, int? maximumFits = null) : IRegularizationSource
{
    /// <summary>A source that reads the L2 with <see cref="ChosenBy"/>.</summary>
    public LoggedL2Source(SuiteTrainer trainer, int? maximumFits = null)
        : this(trainer, ChosenBy, maximumFits)
    {
    }

    /// <inheritdoc/>
    public string Name => trainer.Name;

    /// <inheritdoc/>
    public string Settings => trainer.Settings;

    /// <summary>The L2 of a message containing "L2 &lt;value&gt; (chosen by", else null.</summary>
    public static double? ChosenBy(string message) =>
        ChosenPattern().Match(message) is { Success: true } m &&
        double.TryParse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double l2) ? l2 : null;

    /// <inheritdoc/>
    public RegularizationOutcome Run(PreparedData data, IReadOnlyList<TrainerOutcome> trainers, int fits)
    {
        var seconds = new List<double>();
        LinearModel? first = null;
        double? l2 = null;
        for (int k = 0; k < Math.Min(fits, maximumFits ?? fits); k++)
        {
            var ml = new MLContext(seed: 0);
            var messages = new List<string>();
            ml.Log += (_, e) =>
            {
                lock (messages)
                {
                    messages.Add(e.Message);
                }
            };
            var clock = Stopwatch.StartNew();
            try
            {
                var model = trainer.Fit(ml, data.TrainView);
                seconds.Add(clock.Elapsed.TotalSeconds);
                if (first is null)
                {
                    first = model;
                    l2 = messages.Select(chosenL2).FirstOrDefault(v => v is not null);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
                return RegularizationOutcome.Failed(Name, TrainerRun.Innermost(e), seconds);
            }
        }

        return new RegularizationOutcome(Name, l2 ?? double.NaN,
            LogisticMetrics.TestLogLoss(data.Test, first!), LogisticMetrics.Auc(data.Test, first!), seconds, null, null,
            l2 is null ? "no log message gave the chosen L2" : null);
    }

    [GeneratedRegex(@"L2 (?<value>\S+) \(chosen by")]
    private static partial Regex ChosenPattern();
}
