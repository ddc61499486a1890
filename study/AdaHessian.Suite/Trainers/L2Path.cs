using System.Diagnostics;
using AdaHessian.Data;
using AdaHessian.Suite.Metrics;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Trainers;

/// <summary>
/// The regularisation path: LbfgsLogisticRegression (as <see cref="CrossValidatedLbfgs"/> runs it) fitted on every
/// training row at each L2 of a grid, walked from the largest L2 down with each fit warm-started from the previous
/// one (as glmnet and scikit-learn walk a path), each model scored on the test split. The optimum is unique for
/// L2 &gt; 0, so the warm start changes the iterations, not the model (up to L-BFGS's tolerance).
/// </summary>
internal static class L2Path
{
    /// <summary>Fits the path over <paramref name="grid"/> on <paramref name="trainView"/> and scores each model on <paramref name="test"/>.</summary>
    /// <returns>One point per grid value, in grid order (whatever order the fits ran in).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The grid is empty.</exception>
    public static IReadOnlyList<L2PathPoint> Fit(IDataView trainView, LogisticDataset test, IReadOnlyList<double> grid)
    {
        if (grid.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), "Must have at least one L2 value.");
        }

        var points = new L2PathPoint[grid.Count];
        LinearBinaryModelParameters? start = null;
        foreach (int l in Enumerable.Range(0, grid.Count).OrderByDescending(l => grid[l]))
        {
            var clock = Stopwatch.StartNew();
            var model = CrossValidatedLbfgs.Fit(grid[l], trainView, start);
            double seconds = clock.Elapsed.TotalSeconds;
            start = model.SubModel;
            points[l] = new L2PathPoint(grid[l], LogisticMetrics.TestLogLoss(test, SuiteTrainer.ToLinearModel(model)), seconds);
        }

        return points;
    }
}
