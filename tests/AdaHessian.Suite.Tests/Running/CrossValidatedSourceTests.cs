using AdaHessian.Data;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.Tests.Running;

public class CrossValidatedSourceTests
{
    private static PreparedData Rows(int count) => Preprocessing.Prepare(new MLContext(seed: 0), new DataSplit(
        new LogisticDataset(FeatureMatrix.Dense(count, 1, [.. Enumerable.Range(0, count).Select(i => (float)(i % 7) - 3)]),
            [.. Enumerable.Range(0, count).Select(i => i % 3 == 0 ? 1f : 0f)]),
        new LogisticDataset(FeatureMatrix.Dense(2, 1, [1, -1]), [1f, 0f])), normalize: false);

    private static TrainerOutcome Baseline(double seconds) => new(TrainerRegistry.Baseline, 0.5, 0.5, 0.5, [seconds, seconds, seconds], null, null);

    [Fact]
    public void The_search_is_skipped_from_the_stored_value_limit_whatever_a_fit_took()
    {
        var outcome = new CrossValidatedSource(maximumStoredValues: 20).Run(Rows(20), [Baseline(0.01)], 3);

        Assert.False(outcome.Succeeded);
        Assert.Equal("20 stored feature values ≥ 20", outcome.SkipReason);
        Assert.True(new CrossValidatedSource(maximumStoredValues: 21).Run(Rows(20), [Baseline(100)], 3).Succeeded);
    }

    [Fact]
    public void Fewer_rows_than_folds_skip_the_search() =>
        Assert.Equal("4 training rows, fewer than 5 folds", new CrossValidatedSource().Run(Rows(4), [], 3).SkipReason);

    [Fact]
    public void Below_the_thresholds_it_searches_and_refits()
    {
        var outcome = new CrossValidatedSource().Run(Rows(40), [Baseline(0.01)], 3);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Contains(outcome.L2, L2Grid.Default);
        Assert.Single(outcome.Seconds);
        Assert.StartsWith("held-out log-loss per L2: 1E-05:", outcome.Note);
    }
}
