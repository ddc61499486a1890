using System.Globalization;
using AdaHessian.Data;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Metrics;
using AdaHessian.Suite.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Trainers;

/// <summary>
/// The regularisation baseline, as scikit-learn's <c>LogisticRegressionCV</c> does it: LbfgsLogisticRegression (L1 = 0,
/// otherwise its defaults) at every L2 of a grid, k-fold stratified cross-validation on the training rows only, the L2
/// of the lowest held-out log-loss, then one refit on every training row at that L2.
/// </summary>
internal static class CrossValidatedLbfgs
{
    /// <summary>Folds of the cross-validation.</summary>
    public const int Folds = 5;

    /// <summary>LbfgsLogisticRegression at its defaults with L1 = 0 and the given L2.</summary>
    public static SuiteTrainer Trainer(double l2) =>
        new(string.Create(CultureInfo.InvariantCulture, $"L-BFGS, L2 = {l2:G3}"),
            string.Create(CultureInfo.InvariantCulture, $"LbfgsLogisticRegression, defaults, L1Regularization = 0, L2Regularization = {l2:G3}"),
            ml => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = 0, L2Regularization = (float)l2,
            }));

    /// <summary>
    /// Searches <paramref name="grid"/> on <paramref name="train"/>: fold k's model is fitted to the other folds and scores
    /// fold k; an L2's held-out log-loss is the mean over all rows (folds weighted by their row counts). Every fit runs
    /// in its own <c>MLContext(seed: 0)</c>.
    /// </summary>
    /// <param name="train">The training rows (never the test split).</param>
    /// <param name="grid">The L2 values to try.</param>
    /// <param name="trainView">The same rows as a view for the refit, when the caller has one already.</param>
    /// <param name="folds">Folds of the cross-validation.</param>
    /// <param name="seed">Seed of the fold split.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer rows than folds, or an empty grid.</exception>
    public static L2Search Search(LogisticDataset train, IReadOnlyList<double> grid, IDataView? trainView = null,
        int folds = Folds, int seed = StratifiedFolds.Seed)
    {
        if (grid.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), "Must have at least one L2 value.");
        }

        int[] fold = StratifiedFolds.Assign(train.Labels, folds, seed);
        var sums = new double[grid.Count];
        for (int k = 0; k < folds; k++)
        {
            var fitted = DatasetRows.Select(train, [.. Enumerable.Range(0, fold.Length).Where(i => fold[i] != k)]);
            var heldOut = DatasetRows.Select(train, [.. Enumerable.Range(0, fold.Length).Where(i => fold[i] == k)]);
            var view = DataViews.ToView(new MLContext(seed: 0), fitted);
            for (int l = 0; l < grid.Count; l++)
            {
                var model = Trainer(grid[l]).Fit(new MLContext(seed: 0), view);
                sums[l] += LogisticMetrics.TestLogLoss(heldOut, model) * heldOut.RowCount;
            }
        }

        double[] losses = [.. sums.Select(s => s / train.RowCount)];
        double chosen = grid[Choose(grid, losses)];
        var ml = new MLContext(seed: 0);
        var refit = Trainer(chosen).Fit(ml, trainView ?? DataViews.ToView(ml, train));
        return new L2Search(grid, losses, chosen, refit, folds * grid.Count + 1);
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
