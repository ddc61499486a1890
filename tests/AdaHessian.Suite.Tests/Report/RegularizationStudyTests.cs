using AdaHessian.Suite.Report;
using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Tests.Report;

public class RegularizationStudyTests
{
    private const string Cv = "L-BFGS, CV L2";

    private static readonly SuiteResult Result = new(
        [
            Dataset("d1", 0.4, Cross(0.1, 0.38), Path(0.37)),
            Dataset("d2", 0.2, Cross(10, 0.21), Path(0.2)),
            Dataset("tiny", 1e-6, Cross(1, 1e-6), Path(1e-6)),                                  // L2 = 1 below the floor
            Dataset("nocv", 0.3, RegularizationOutcome.Skipped(Cv, "too big"), Path(0.3)),
            Dataset("nopath", 0.5, Cross(1, 0.5), new PathOutcome([], null, "InvalidOperationException: boom")),
        ],
        [.. TrainerRegistry.All.Where(t => t.Name == TrainerRegistry.Baseline)], 3, 60)
    {
        Regularization = [new CrossValidatedSource()],
    };

    [Fact]
    public void Each_pair_uses_the_datasets_where_both_gave_a_model_above_the_floor()
    {
        var pair = Assert.Single(RegularizationStudy.Pairs(Result));
        Assert.Equal((Cv, "L-BFGS, L2 = 1"), (pair.A, pair.B));
        Assert.Equal(3, pair.Datasets);                      // d1, d2, nopath; not tiny, not nocv
        Assert.Equal((1, 1, 1), (pair.Better, pair.Worse, pair.Level));
        Assert.Equal(1.0, pair.MedianRatio, 12);             // 0.95, 1.05, 1
    }

    [Fact]
    public void The_distance_to_the_best_grid_L2_needs_a_path_and_counts_the_ratios_within_one_and_three_percent()
    {
        var scores = RegularizationStudyTables.Hindsight(Result);
        var fixedL2 = scores[0];
        Assert.Equal(("L-BFGS, L2 = 1", 3), (fixedL2.Method, fixedL2.Datasets));   // d1, d2, nocv
        Assert.Equal(1.0, fixedL2.MedianRatio, 12);
        Assert.Equal((0.4 / 0.37, "d1"), (fixedL2.MaxRatio, fixedL2.MaxDataset));
        Assert.Equal((2, 2), (fixedL2.WithinOnePercent, fixedL2.WithinThreePercent));
        var cv = scores[1];
        Assert.Equal(2, cv.Datasets);                                               // d1 0.38/0.37, d2 0.21/0.2
        Assert.Equal((0.38 / 0.37 + 0.21 / 0.2) / 2, cv.MedianRatio, 12);
        Assert.Equal((0, 1), (cv.WithinOnePercent, cv.WithinThreePercent));
    }

    [Fact]
    public void The_report_links_each_figure_and_says_why_a_dataset_has_none()
    {
        string text = RegularizationStudy.Render(Result, "dotnet cake --target=Suite", "defaults-suite.md",
            new Dictionary<string, string> { ["d1"] = "figures/defaults-suite-l2-path-d1" });
        Assert.Contains("![d1: test log-loss along the L2 path](figures/defaults-suite-l2-path-d1.png)", text);
        Assert.Contains("- nopath: no path (InvalidOperationException: boom).", text);
        Assert.Contains("- **L-BFGS, CV L2** and **L-BFGS, L2 = 1** do not differ at the 5 % level", text);
        Assert.Contains("- Against the best grid L2 in hindsight: the lowest median ratio is **L-BFGS, L2 = 1**'s, 1.000×; the most " +
            "often within 1 % of it is **L-BFGS, L2 = 1**, on 2 of 3 datasets (67 %; within 3 % on 2).", text);
        Assert.Contains("| d1 | 1,000 | 0.0215 | 0.37 | 1.081× | 1.027× | 1.25 s |", text);
    }

    private static RegularizationOutcome Cross(double l2, double test) => new(Cv, l2, test, 0.9, [1.0], null, null, null);

    // A path whose lowest test log-loss is best, at the grid's sixth L2 (0.0215); every fit 0.125 s.
    private static PathOutcome Path(double best) =>
        new([.. L2Grid.Default.Select((l2, k) => new L2PathPoint(l2, best * (1 + 0.01 * Math.Abs(k - 5)), 0.125))], null, null);

    private static DatasetOutcome Dataset(string name, double baselineTest, RegularizationOutcome cv, PathOutcome path) =>
        new(name, "synthetic", null)
        {
            TrainRows = 1_000, TestRows = 10, Features = 2, ValuesPerRow = 2, Normalized = true,
            ZeroObjective = Math.Log(2), ReferenceObjective = 0.5, OptimumObjective = 0.5, ReferenceSeconds = 0.1,
            Trainers = [new TrainerOutcome(TrainerRegistry.Baseline, 0.5, baselineTest, 0.9, [0.01], null, null)],
            Regularization = [cv],
            Path = path,
        };
}
