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
/// take most of the suite's time: from <see cref="MaximumRows"/> training rows or from
/// <see cref="MaximumStoredValues"/> stored feature values (the search is 51 fits). The rule looks at the data's size
/// only, never at a measured time, so which datasets are searched does not depend on the machine's load.
/// </summary>
internal sealed class CrossValidatedSource(long maximumStoredValues = CrossValidatedSource.MaximumStoredValues) : IRegularizationSource
{
    /// <summary>
    /// From this many training rows the search is skipped: on sparse-200k (200,000 rows, one fit at L2 = 1 in 2 s) it
    /// takes about 80 s, so on sparse-1m it would take longer than the rest of the suite.
    /// </summary>
    public const int MaximumRows = 1_000_000;

    /// <summary>
    /// From this many stored feature values (2^24) the search is skipped: the searched datasets store at most 9.4
    /// million (a Fashion-MNIST pair, 12,000 × 784, searched in about 30 s).
    /// </summary>
    public const long MaximumStoredValues = 1L << 24;

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
        $"(fold copies and held-out scoring included). Skipped from {MaximumRows:N0} training rows or from {maximumStoredValues:N0} " +
        $"stored feature values");

    /// <inheritdoc/>
    public RegularizationOutcome Run(PreparedData data, IReadOnlyList<TrainerOutcome> trainers, int fits)
    {
        int rows = data.Train.RowCount;
        if (rows < CrossValidatedLbfgs.Folds)
        {
            return RegularizationOutcome.Skipped(Name, $"{rows} training row{(rows == 1 ? "" : "s")}, fewer than {CrossValidatedLbfgs.Folds} folds");
        }

        if (rows >= MaximumRows)
        {
            return RegularizationOutcome.Skipped(Name, $"{rows:N0} training rows ≥ {MaximumRows:N0}");
        }

        long values = data.Train.Features.StoredValueCount;
        if (values >= maximumStoredValues)
        {
            return RegularizationOutcome.Skipped(Name, $"{values:N0} stored feature values ≥ {maximumStoredValues:N0}");
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
}
