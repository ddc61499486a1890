using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AdaHessian.MLNet;
using AdaHessian.Regularization;
using AdaHessian.Suite.Running;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>
/// A multiclass trainer from a fresh MLContext's catalog, as a user makes it, fitted <c>fits</c> times on the cached
/// view, each fit in its own <c>MLContext(seed: 0)</c> (the time is their median); the first fit's model is scored on
/// the test view. A fit that throws ends the runs: the exception is the outcome.
/// </summary>
/// <param name="name">Short name for the tables.</param>
/// <param name="settings">What it is run with.</param>
/// <param name="create">The estimator, from the context's multiclass catalog (the label is a key already).</param>
/// <param name="givenL2">The L2 it is given, or null when it chooses its own.</param>
internal sealed partial class TimedMulticlassTrainer(
    string name,
    string settings,
    Func<MLContext, IEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>> create,
    double? givenL2) : IMulticlassMethod
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public string Settings => settings;

    /// <inheritdoc/>
    public MulticlassMethodOutcome Run(PreparedMulticlass data, int fits)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(fits, 1);
        var seconds = new List<double>();
        MulticlassMethodOutcome? first = null;
        for (int k = 0; k < fits; k++)
        {
            var ml = new MLContext(seed: 0);
            var tuned = new List<string>();
            ml.Log += (_, e) =>
            {
                if (AutoTuned().Match(e.Message) is { Success: true } m)
                {
                    lock (tuned)
                    {
                        tuned.Add(m.Groups["value"].Value.Trim().TrimEnd('.'));
                    }
                }
            };
            var estimator = create(ml);
            var clock = Stopwatch.StartNew();
            try
            {
                var model = estimator.Fit(data.TrainView);
                seconds.Add(clock.Elapsed.TotalSeconds);
                first ??= Score(ml, model, data, Chosen(estimator), tuned);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
                return MulticlassMethodOutcome.Failed(Name, TrainerRun.Innermost(e), seconds);
            }
        }

        return first! with { Seconds = seconds };
    }

    /// <summary>How a trainer of ours chose its L2 in its last fit; null for ML.NET's trainers and for a given L2.</summary>
    internal static L2Choice? Chosen(object estimator) => estimator switch
    {
        AdaHessianMaximumEntropyTrainer a => a.LastL2Choice,
        AdamMaximumEntropyTrainer a => a.LastL2Choice,
        _ => null,
    };

    /// <summary>How the table says an L2 was chosen: the method, its folds and values, and its warning.</summary>
    internal static string Describe(L2Choice choice) =>
        "L2 chosen by " + choice.Method switch
        {
            L2Method.CrossValidation => string.Create(CultureInfo.InvariantCulture, $"{choice.Folds}-fold cross-validation over {choice.Candidates.Count} values"),
            L2Method.Evidence => "the evidence (MacKay's fixed point)",
            _ => "the validation set",
        } + (choice.Warning is null ? "" : "; " + choice.Warning);

    private MulticlassMethodOutcome Score(MLContext ml, MulticlassPredictionTransformer<MaximumEntropyModelParameters> model,
        PreparedMulticlass data, L2Choice? choice, List<string> tuned)
    {
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(data.TestView), MulticlassViews.Label);
        string? note;
        lock (tuned)
        {
            note = choice is not null ? Describe(choice) : tuned.Count > 0 ? "auto-tuned " + string.Join("; ", tuned.Distinct()) : null;
        }

        return new MulticlassMethodOutcome(Name, choice?.L2Regularization ?? givenL2 ?? double.NaN, metrics.LogLoss, metrics.MicroAccuracy, [],
            null, note, choice?.Describe());
    }

    [GeneratedRegex(@"Auto-tuning parameters:\s*(?<value>.+)")]
    private static partial Regex AutoTuned();
}
