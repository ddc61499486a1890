using AdaHessian.Suite.Report;

namespace AdaHessian.Suite.Tests.Report;

public class RegularizationSummaryTests
{
    private static readonly RegularizationScore Score = RegularizationSummary.Score(RegularizationFixture.Result()).Single();

    private static readonly string Text = SuiteReport.Render(RegularizationFixture.Result(), "dotnet cake --target=Suite");

    [Fact]
    public void Better_and_worse_count_only_changes_beyond_one_percent_where_a_ratio_means_something()
    {
        Assert.Equal(RegularizationFixture.Source, Score.Source);
        Assert.Equal(3, Score.Compared);   // better, worse, level; not tiny, big, broken
        Assert.Equal(1, Score.Better);
        Assert.Equal(1, Score.Worse);
    }

    [Fact]
    public void The_ratios_median_and_extremes_come_from_the_outcomes()
    {
        Assert.Equal(1.005, Score.MedianRatio, 12);
        Assert.Equal(1.015, Score.MaxRatio, 12);
        Assert.Equal("worse", Score.MaxDataset);
        Assert.Equal(0.95, Score.MinRatio, 12);
        Assert.Equal("better", Score.MinDataset);
    }

    [Fact]
    public void The_L2_range_times_and_counts_cover_every_dataset_where_it_ran()
    {
        Assert.Equal(1e-5, Score.SmallestL2);
        Assert.Equal(10, Score.LargestL2);
        Assert.Equal(6, Score.Datasets);
        Assert.Equal(4, Score.Succeeded);
        Assert.Equal(1, Score.Skipped);
        Assert.Equal(1, Score.Errors);
        Assert.Equal((0.25 + 0.5) / 2, Score.MedianSeconds, 12);
        Assert.Equal(2, Score.MaxSeconds);
        Assert.Equal("better", Score.SlowestDataset);
    }

    [Fact]
    public void The_summary_lines_are_written_from_the_score()
    {
        Assert.Contains("- **L-BFGS, CV L2** beats L2 = 1 by more than 1 % on 1/3 datasets and loses by more than 1 % on 1/3", Text);
        Assert.Contains("Test log-loss / L2 = 1: median 1.005×, max 1.015× (worse), min 0.950× (better).", Text);
        Assert.Contains("Chosen L2 from 1e-05 to 10. It ran on 4/6 datasets (1 skipped, 1 failed); its time: median 375 ms, longest 2.00 s (better).", Text);
    }

    [Fact]
    public void The_table_has_a_row_per_dataset_that_ran_and_says_why_a_search_was_skipped()
    {
        Assert.Contains("| dataset | train rows | L-BFGS, L2 = 1: test | L-BFGS, CV L2: L2 | L-BFGS, CV L2: test | L-BFGS, CV L2: search time | L-BFGS, CV L2: / L2 = 1 |", Text);
        Assert.Contains("| better | 1,000 | 0.4 | 0.1 | 0.38 | 2.00 s | 0.950× |", Text);
        Assert.Contains("| big | 2,000,000 | 0.3 | skipped (2,000,000 training rows ≥ 1,000,000; one fit took 6.66 s) | – | – | – |", Text);
        Assert.Contains("| broken | 100 | 0.3 | InvalidOperationException: no convergence | – | 700 ms | – |", Text);
        Assert.DoesNotContain("| gone |", Text);
    }

    [Fact]
    public void The_csv_has_one_row_per_dataset_that_ran_and_source() =>
        Assert.Equal(6, RegularizationCsv.Build(RegularizationFixture.Result()).RowCount);
}
