using System.Diagnostics;
using System.Globalization;
using AdaHessian.Study.Output;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>
/// <see cref="CrossValidatedMaximumEntropy"/> over <see cref="L2Grid.Default"/> as a row of the suite: the whole search,
/// fold copies, held-out scoring and the refit included, timed once; the refit is scored on the test view.
/// </summary>
internal sealed class CrossValidatedMethod : IMulticlassMethod
{
    /// <inheritdoc/>
    public string Name => MulticlassSuiteMethods.LbfgsCrossValidated;

    /// <inheritdoc/>
    public string Settings => string.Create(CultureInfo.InvariantCulture,
        $"LbfgsMaximumEntropy, L1Regularization = 0, L2Regularization chosen from {L2Grid.Points} log-spaced values " +
        $"{L2Grid.Smallest:0e0} … {L2Grid.Largest:0} by {CrossValidatedMaximumEntropy.Folds}-fold cross-validation on the training split " +
        $"(folds stratified by class, seed {StratifiedFolds.Seed}; lowest held-out log-loss, the mean over every training row; each fold " +
        $"walks the grid from the largest L2 down, each fit warm-started from the previous one), then refitted on the whole training split, " +
        $"started from a fold's model at the chosen L2: {CrossValidatedMaximumEntropy.Folds * L2Grid.Points + 1} fits, timed once as a whole " +
        $"(fold copies and held-out scoring included)");

    /// <inheritdoc/>
    public MulticlassMethodOutcome Run(PreparedMulticlass data, int fits)
    {
        ArgumentNullException.ThrowIfNull(data);
        var clock = Stopwatch.StartNew();
        try
        {
            MulticlassCrossValidation search = CrossValidatedMaximumEntropy.Search(data.Train, data.TrainView, L2Grid.Default);
            double seconds = clock.Elapsed.TotalSeconds;
            var metrics = new MLContext(seed: 0).MulticlassClassification.Evaluate(search.Model.Transform(data.TestView), MulticlassViews.Label);
            return new MulticlassMethodOutcome(Name, search.ChosenL2, metrics.LogLoss, metrics.MicroAccuracy, [seconds], null,
                $"whole search ({search.Fits} fits), timed once",
                "held-out log-loss per L2: " + string.Join(" ", search.Grid.Zip(search.HeldOutLogLoss,
                    (l2, loss) => $"{Numbers.Format(l2, 3)}:{Numbers.Format(loss)}")));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return MulticlassMethodOutcome.Failed(Name, TrainerRun.Innermost(e), [clock.Elapsed.TotalSeconds]);
        }
    }
}
