using System.Globalization;
using AdaHessian.Data;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Metrics;
using AdaHessian.Suite.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Trainers;

/// <summary>
/// The regularisation baseline, as scikit-learn's <c>LogisticRegressionCV</c> does it: LbfgsLogisticRegression (L1 = 0,
/// otherwise its defaults) at every L2 of a grid, k-fold stratified cross-validation on the training rows only, the L2
/// of the lowest held-out log-loss, then one refit on every training row at that L2. As there, each fold walks the grid
/// from the strongest penalty to the weakest, every fit warm-started from the previous one, and the refit starts from
/// a fold's model at the chosen L2: the optimum is unique for L2 &gt; 0, so the start changes the iterations, not the
/// model (up to the tolerance), and cold fits at L2 ≈ 0 take minutes on Fashion-MNIST.
/// </summary>
internal static class CrossValidatedLbfgs
{
    /// <summary>Folds of the cross-validation.</summary>
    public const int Folds = 5;

    /// <summary>LbfgsLogisticRegression at its defaults with L1 = 0 and the given L2.</summary>
    public static SuiteTrainer Trainer(double l2) =>
        new(string.Create(CultureInfo.InvariantCulture, $"L-BFGS, L2 = {l2:G3}"),
            string.Create(CultureInfo.InvariantCulture, $"LbfgsLogisticRegression, defaults, L1Regularization = 0, L2Regularization = {l2:G3}"),
            ml => Estimator(ml, l2));

    /// <summary>
    /// Searches <paramref name="grid"/> on <paramref name="train"/>: fold k's model is fitted to the other folds and scores
    /// fold k; an L2's held-out log-loss is the mean over all rows (folds weighted by their row counts). Every fit runs
    /// in its own <c>MLContext(seed: 0)</c>, warm-started as the class remarks say.
    /// </summary>
    /// <param name="train">The training rows (never the test split).</param>
    /// <param name="grid">The L2 values to try.</param>
    /// <param name="trainView">The same rows as a view for the refit, when the caller has one already.</param>
    /// <param name="folds">Folds of the cross-validation.</param>
    /// <param name="seed">Seed of the fold split.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer rows than folds, or an empty grid.</exception>
    public static CrossValidation Search(LogisticDataset train, IReadOnlyList<double> grid, IDataView? trainView = null,
        int folds = Folds, int seed = StratifiedFolds.Seed)
    {
        if (grid.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), "Must have at least one L2 value.");
        }

        int[] fold = StratifiedFolds.Assign(train.Labels, folds, seed);
        int[] path = [.. Enumerable.Range(0, grid.Count).OrderByDescending(l => grid[l])];
        var sums = new double[grid.Count];
        var last = new LinearBinaryModelParameters?[grid.Count];
        for (int k = 0; k < folds; k++)
        {
            var fitted = DatasetRows.Select(train, [.. Enumerable.Range(0, fold.Length).Where(i => fold[i] != k)]);
            var heldOut = DatasetRows.Select(train, [.. Enumerable.Range(0, fold.Length).Where(i => fold[i] == k)]);
            var view = DataViews.ToView(new MLContext(seed: 0), fitted);
            LinearBinaryModelParameters? start = null;
            foreach (int l in path)
            {
                var model = Fit(grid[l], view, start);
                start = last[l] = model.SubModel;
                sums[l] += LogisticMetrics.TestLogLoss(heldOut, SuiteTrainer.ToLinearModel(model)) * heldOut.RowCount;
            }
        }

        double[] losses = [.. sums.Select(s => s / train.RowCount)];
        int best = Choose(grid, losses);
        var refit = Fit(grid[best], trainView ?? DataViews.ToView(new MLContext(seed: 0), train), last[best]);
        return new CrossValidation(grid, losses, grid[best], SuiteTrainer.ToLinearModel(refit), folds * grid.Count + 1);
    }

    private static LbfgsLogisticRegressionBinaryTrainer Estimator(MLContext ml, double l2) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0, L2Regularization = (float)l2,
        });

    /// <summary>One fit at <paramref name="l2"/> in its own <c>MLContext(seed: 0)</c>, warm-started from <paramref name="start"/> when given.</summary>
    internal static CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> Fit(double l2, IDataView view,
        LinearBinaryModelParameters? start)
    {
        var trainer = Estimator(new MLContext(seed: 0), l2);
        return (start is null ? trainer.Fit(view) : trainer.Fit(view, start)).Model;
    }

    /// <summary>The index of the lowest loss; of equal losses the larger L2 (the simpler model, as scikit-learn chooses).</summary>
    /// <exception cref="ArgumentException">Every loss is NaN.</exception>
    public static int Choose(IReadOnlyList<double> grid, IReadOnlyList<double> losses)
    {
        int best = -1;
        for (int l = 0; l < losses.Count; l++)
        {
            if (!double.IsNaN(losses[l]) && (best < 0 || losses[l] < losses[best] || (losses[l] == losses[best] && grid[l] > grid[best])))
            {
                best = l;
            }
        }

        return best >= 0 ? best : throw new ArgumentException("Every held-out log-loss is NaN.", nameof(losses));
    }
}
