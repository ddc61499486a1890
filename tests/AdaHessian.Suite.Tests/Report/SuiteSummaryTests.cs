using AdaHessian.Suite.Report;

namespace AdaHessian.Suite.Tests.Report;

public class SuiteSummaryTests
{
    private static TrainerScore ScoreOf(string trainer) => SuiteSummary.Score(SuiteFixture.Result()).Single(s => s.Trainer == trainer);

    [Fact]
    public void Skipped_datasets_do_not_count_and_a_fit_that_threw_meets_no_target()
    {
        var score = ScoreOf("AdaHessian");

        Assert.Equal(2, score.Datasets);
        Assert.Equal(2, score.Compared);
        Assert.Equal(1, score.Errors);
        Assert.Equal(1, score.TestWithinOnePercent);
        Assert.Equal(1, score.NotWorseThanZero);
        Assert.Equal(1, score.GapWithinTolerance);
        Assert.Equal(1, score.TimeWithinTwice);
        Assert.Equal(2, score.MedianTimeRatio, 9);
    }

    [Fact]
    public void Each_target_is_counted_from_the_outcomes()
    {
        var score = ScoreOf("Adam");

        Assert.Equal(0, score.TestWithinOnePercent);
        Assert.Equal(1, score.NotWorseThanZero);
        Assert.Equal(0, score.GapWithinTolerance);
        Assert.Equal(1, score.TimeWithinTwice);
        Assert.Equal(3, score.MedianTimeRatio, 9);
        Assert.Equal("hard", score.WorstDataset);
        Assert.Equal(3, score.WorstTestExcess, 9);
    }

    [Fact]
    public void The_worst_excess_ignores_datasets_where_the_baseline_loss_is_almost_zero()
    {
        var result = SuiteFixture.Result();
        var hard = result.Datasets[1];
        var tiny = hard with
        {
            Trainers = [.. hard.Trainers.Select(t => t.Trainer == "L-BFGS" ? t with { TestLogLoss = 1e-6 } : t)],
        };

        var score = SuiteSummary.Score(result with { Datasets = [result.Datasets[0], tiny] }).Single(s => s.Trainer == "Adam");

        Assert.Equal("easy", score.WorstDataset);
    }

    [Fact]
    public void The_baseline_meets_its_own_relative_targets()
    {
        var score = ScoreOf("L-BFGS");

        Assert.Equal(2, score.TestWithinOnePercent);
        Assert.Equal(2, score.GapWithinTolerance);
        Assert.Equal(1, score.MedianTimeRatio, 9);
    }
}
