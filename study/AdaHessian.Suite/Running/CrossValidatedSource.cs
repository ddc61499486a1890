using System.Diagnostics;
using System.Globalization;
using AdaHessian.Study.Output;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Metrics;
using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.Running;

/// <summary>
/// <see cref="CrossValidatedLbfgs"/> over <see cref="L2Grid.Default"/>, timed once as a whole. Skipped where it would
/// take most of the suite's time: from <see cref="MaximumRows"/> training rows, or where one L-BFGS fit takes more than
/// <see cref="MaximumFitSeconds"/> (the search is 51 of them).
/// </summary>
internal sealed class CrossValidatedSource : IRegularizationSource
{
    /// <summary>
    /// From this many training rows the search is skipped: on sparse-200k (200,000 rows, one fit at L2 = 1 in 2 s) it
    /// takes about 80 s, so on sparse-1m it would take longer than the rest of the suite.
    /// </summary>
    public const int MaximumRows = 1_000_000;

    /// <summary>Above this fit time of L-BFGS at L2 = 1 (its median in the suite, else one fit here) the search is skipped.</summary>
    public const double MaximumFitSeconds = 10;

    /// <inheritdoc/>
    public string Name => "L-BFGS, CV L2";

    /// <inheritdoc/>
    public string Settings => string.Create(CultureInfo.InvariantCulture,
        $"LbfgsLogisticRegression, defaults, L1Regularization = 0, L2Regularization chosen from {L2Grid.Points} log-spaced values " +
        $"{L2Grid.Smallest:0e0} … {L2Grid.Largest:0} by {CrossValidatedLbfgs.Folds}-fold cross-validation on the training split " +
        $"(folds stratified by label, seed {StratifiedFolds.Seed}; lowest held-out log-loss, the mean over every training row; each " +
        $"fold walks the grid from the largest L2 down, each fit warm-started from the previous one, as scikit-learn's " +
        $"LogisticRegressionCV does), then refitted on the whole training split, started from a fold's model at the chosen L2: " +
        $"{CrossValidatedLbfgs.Folds * L2Grid.Points + 1} fits, timed once as a whole " +
        $"(fold copies and held-out scoring included). Skipped from {MaximumRows:N0} training rows, or where one fit at L2 = 1 takes " +
        $"more than {MaximumFitSeconds:0} s");

    /// <inheritdoc/>
    public RegularizationOutcome Run(PreparedData data, IReadOnlyList<TrainerOutcome> trainers, int fits)
    {
        int rows = data.Train.RowCount;
        if (rows < CrossValidatedLbfgs.Folds)
        {
            return RegularizationOutcome.Skipped(Name, $"{rows} training row{(rows == 1 ? "" : "s")}, fewer than {CrossValidatedLbfgs.Folds} folds");
        }

        double fit = trainers.FirstOrDefault(t => t.Trainer == TrainerRegistry.Baseline && t.Succeeded)?.MedianSeconds ?? TimeOneFit(data);
        string took = $"one fit took {Seconds(fit)}";
        if (rows >= MaximumRows)
        {
            return RegularizationOutcome.Skipped(Name, $"{rows:N0} training rows ≥ {MaximumRows:N0}; {took}");
        }

        if (fit > MaximumFitSeconds)
        {
            return RegularizationOutcome.Skipped(Name, $"{took} > {MaximumFitSeconds:0} s");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var search = CrossValidatedLbfgs.Search(data.Train, L2Grid.Default, data.TrainView);
            double seconds = clock.Elapsed.TotalSeconds;
            return new RegularizationOutcome(Name, search.ChosenL2,
                LogisticMetrics.TestLogLoss(data.Test, search.Model), LogisticMetrics.Auc(data.Test, search.Model), [seconds], null, null,
                "held-out log-loss per L2: " + string.Join(" ", search.Grid.Zip(search.HeldOutLogLoss,
                    (l2, loss) => $"{Numbers.Format(l2, 3)}:{Numbers.Format(loss)}")));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return RegularizationOutcome.Failed(Name, TrainerRun.Innermost(e), [clock.Elapsed.TotalSeconds]);
        }
    }

    private static double TimeOneFit(PreparedData data)
    {
        var clock = Stopwatch.StartNew();
        CrossValidatedLbfgs.Trainer(TrainerRegistry.L2).Fit(new MLContext(seed: 0), data.TrainView);
        return clock.Elapsed.TotalSeconds;
    }

    private static string Seconds(double s) => s.ToString(s < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";
}
