using AdaHessian.Suite.Data;
using AdaHessian.Suite.Multiclass;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>
/// The multiclass regularisation baseline, as <see cref="CrossValidatedLbfgs"/> does it for two classes (and
/// scikit-learn's <c>LogisticRegressionCV</c>): LbfgsMaximumEntropy (L1 = 0, otherwise its defaults) at every L2 of a
/// grid, k-fold cross-validation stratified by class on the training rows only, the L2 of the lowest held-out
/// log-loss, then one refit on every training row at that L2. Each fold walks the grid from the strongest penalty to
/// the weakest, every fit warm-started from the previous one, and the refit starts from a fold's model at the chosen L2:
/// the optimum is unique for L2 &gt; 0, so the start changes the iterations, not the model (up to the tolerance).
/// </summary>
internal static class CrossValidatedMaximumEntropy
{
    /// <summary>Folds of the cross-validation.</summary>
    public const int Folds = 5;

    /// <summary>
    /// Searches <paramref name="grid"/> on <paramref name="train"/>: fold k's model is fitted to the other folds and scores
    /// fold k (−log p of the true class, in double, from the model's weights); an L2's held-out log-loss is the mean over
    /// all rows. Every fit runs in its own <c>MLContext(seed: 0)</c>; every fold's view keeps the key of all declared
    /// classes, so a fold without some class still fits, and scores, a model of every class.
    /// </summary>
    /// <param name="train">The training rows (never the test split).</param>
    /// <param name="trainView">The same rows as a key-labelled view, for the refit.</param>
    /// <param name="grid">The L2 values to try.</param>
    /// <param name="folds">Folds of the cross-validation.</param>
    /// <param name="seed">Seed of the fold split.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer rows than folds, or an empty grid.</exception>
    public static MulticlassCrossValidation Search(MulticlassRows train, IDataView trainView, IReadOnlyList<double> grid,
        int folds = Folds, int seed = StratifiedFolds.Seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(trainView);
        if (grid.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), "Must have at least one L2 value.");
        }

        int[] fold = StratifiedClassFolds.Assign(train.Labels, train.Classes.Count, folds, seed);
        int[] path = [.. Enumerable.Range(0, grid.Count).OrderByDescending(l => grid[l])];
        int[] classOfKey = [.. Enumerable.Range(0, train.Classes.Count)];
        var sums = new double[grid.Count];
        var last = new MaximumEntropyModelParameters?[grid.Count];
        for (int k = 0; k < folds; k++)
        {
            MulticlassRows fitted = train.Select([.. Enumerable.Range(0, fold.Length).Where(i => fold[i] != k)]);
            LabelledRows heldOut = train.Select([.. Enumerable.Range(0, fold.Length).Where(i => fold[i] == k)]).ToLabelledRows();
            IDataView view = MulticlassViews.Keyed(new MLContext(seed: 0), fitted);
            MaximumEntropyModelParameters? start = null;
            foreach (int l in path)
            {
                start = last[l] = Fit(grid[l], view, start).Model;
                sums[l] += SoftmaxMetrics.LogLoss(heldOut, SoftmaxModel.From(start, classOfKey)) * heldOut.Count;
            }
        }

        double[] losses = [.. sums.Select(s => s / train.Count)];
        int best = CrossValidatedLbfgs.Choose(grid, losses);
        return new MulticlassCrossValidation(grid, losses, grid[best], Fit(grid[best], trainView, last[best]), folds * grid.Count + 1);
    }

    /// <summary>One fit at <paramref name="l2"/> in its own <c>MLContext(seed: 0)</c>, warm-started from <paramref name="start"/> when given.</summary>
    internal static MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(double l2, IDataView view, MaximumEntropyModelParameters? start)
    {
        var trainer = new MLContext(seed: 0).MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = (float)l2 });
        return start is null ? trainer.Fit(view) : trainer.Fit(view, start);
    }
}
