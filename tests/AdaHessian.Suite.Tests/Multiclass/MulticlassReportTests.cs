using AdaHessian.Suite.Multiclass;

namespace AdaHessian.Suite.Tests.Multiclass;

public class MulticlassReportTests
{
    private static MulticlassOutcome Outcome(string name, double seconds, double accuracy, double loss) =>
        new(name, seconds, accuracy, accuracy, loss);

    private static MulticlassResult Result(params MulticlassOutcome[] outcomes) => new(outcomes, 0.5, 10, 1e-6);

    [Fact]
    public void The_conclusions_are_the_ratios_of_the_table()
    {
        MulticlassOutcome[] outcomes =
        [
            Outcome(MulticlassTrainer.Lbfgs, 50, 0.84, 0.45),
            Outcome(MulticlassTrainer.AdaHessian, 10, 0.85, 0.36),
            Outcome(MulticlassTrainer.OneVersusAll, 40, 0.83, 0.72),
        ];
        string[] lines = [.. MulticlassConclusions.Ratios(outcomes)];
        Assert.Equal(2, lines.Length);
        Assert.Contains("test log-loss 0.800× (lower or equal), accuracy +0.0100, time 0.20×", lines[0], StringComparison.Ordinal);
        Assert.Contains("test log-loss 0.500× (lower or equal), accuracy +0.0200, time 0.25×", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_failed_trainer_is_said_not_compared()
    {
        MulticlassOutcome[] outcomes =
        [
            Outcome(MulticlassTrainer.AdaHessian, 10, 0.85, 0.36),
            new(MulticlassTrainer.Lbfgs, 1, double.NaN, double.NaN, double.NaN, "InvalidOperationException: no"),
        ];
        string[] lines = [.. MulticlassConclusions.Ratios(outcomes)];
        Assert.Equal($"{MulticlassTrainer.Lbfgs} did not run or failed.", lines[0]);
        Assert.Equal($"{MulticlassTrainer.OneVersusAll} did not run or failed.", lines[1]);
        Assert.Single(MulticlassConclusions.Ratios([Outcome(MulticlassTrainer.Lbfgs, 1, 0.8, 0.5)]));
    }

    [Fact]
    public void The_table_shows_an_error_in_place_of_numbers_and_no_gap()
    {
        string report = MulticlassReport.Render(Result(new MulticlassOutcome(MulticlassTrainer.Lbfgs, 2, double.NaN, double.NaN, double.NaN, "Boom: x")),
            MulticlassTrainer.All, 100, "cmd", 3);
        Assert.Contains($"| {MulticlassTrainer.Lbfgs} | 2.0 s | – | – | Boom: x | – |", report, StringComparison.Ordinal);
        Assert.Contains("100 training images", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gap_column_is_relative_to_the_lowest_objective_and_blank_for_other_objectives()
    {
        // Reference F = 0.5; L-BFGS beats it (0.4995), so F* = 0.4995 and AdaHessian's gap is (0.6 − 0.4995)/0.4995.
        MulticlassResult result = Result(
            Outcome(MulticlassTrainer.Lbfgs, 50, 0.84, 0.45) with { Objective = 0.4995 },
            Outcome(MulticlassTrainer.AdaHessian, 10, 0.85, 0.36) with { Objective = 0.6 },
            Outcome(MulticlassTrainer.Sdca, 5, 0.83, 0.48));
        string report = MulticlassReport.Render(result, MulticlassTrainer.All, 100, "cmd", 3);
        Assert.Contains($"| {MulticlassTrainer.Lbfgs} | 50.0 s | 0.8400 | 0.8400 | 0.4500 | 0 |", report, StringComparison.Ordinal);
        Assert.Contains($"| {MulticlassTrainer.AdaHessian} | 10.0 s | 0.8500 | 0.8500 | 0.3600 | 2.0e-01 |", report, StringComparison.Ordinal);
        Assert.Contains($"| {MulticlassTrainer.Sdca} | 5.0 s | 0.8300 | 0.8300 | 0.4800 | – |", report, StringComparison.Ordinal);
        Assert.Contains("F\\* = 0.4995 is the lowest F", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gap_conclusions_name_who_is_within_the_tolerance_and_who_has_lower_test_loss_unconverged()
    {
        MulticlassResult result = Result(
            Outcome(MulticlassTrainer.Lbfgs, 50, 0.84, 0.45) with { Objective = 0.50025 },
            Outcome(MulticlassTrainer.AdaHessian, 10, 0.85, 0.36) with { Objective = 0.55 },
            Outcome(MulticlassTrainer.Adam, 10, 0.80, 0.50) with { Objective = 0.51 });
        string[] lines = [.. MulticlassConclusions.Gaps(result)];
        Assert.Equal(2, lines.Length);
        Assert.Equal($"Training-objective gap ≤ 1e-3 of F*: {MulticlassTrainer.Lbfgs}; above it: {MulticlassTrainer.AdaHessian} (1.0e-01), {MulticlassTrainer.Adam} (2.0e-02).", lines[0]);
        Assert.StartsWith($"{MulticlassTrainer.AdaHessian} has a lower test log-loss than {MulticlassTrainer.Lbfgs} (0.3600 vs 0.4500) while stopping 1.0e-01 above F*", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_epoch_conclusion_finds_the_first_epoch_at_the_baseline_and_the_best_epoch()
    {
        MulticlassOutcome[] outcomes =
        [
            Outcome(MulticlassTrainer.Lbfgs, 50, 0.84, 0.45),
            Outcome(MulticlassTrainer.AdaHessian, 10, 0.85, 0.40) with
            {
                EpochLogLoss = [0.7, 0.46, 0.45, 0.38, 0.40], EpochSeconds = [2, 4, 6, 8, 10],
            },
            Outcome(MulticlassTrainer.Adam, 10, 0.80, 0.50) with { EpochLogLoss = [0.9, 0.5] },
        ];
        string[] lines = [.. MulticlassConclusions.Epochs(outcomes)];
        Assert.Equal($"{MulticlassTrainer.AdaHessian}: test log-loss 0.7000 after epoch 1, at or below L-BFGS's 0.4500 from epoch 3 (after 6.0 s, 0.12× L-BFGS's fit); lowest 0.3800 at epoch 4 of 5, last 0.4000.", lines[0]);
        Assert.Equal($"{MulticlassTrainer.Adam}: test log-loss 0.9000 after epoch 1, never at or below L-BFGS's 0.4500; lowest 0.5000 at epoch 2 of 2, last 0.5000.", lines[1]);
    }

    [Fact]
    public void The_time_to_the_optimum_is_the_first_epoch_whose_objective_is_within_the_tolerance_of_F_star()
    {
        // F* = 0.5, the reference's objective.
        var result = Result(
            Outcome(MulticlassTrainer.Lbfgs, 50, 0.84, 0.45) with { Objective = 0.5 },
            Outcome(MulticlassTrainer.AdaHessian, 10, 0.85, 0.40) with
            {
                Objective = 0.50025, EpochObjective = [0.75, 0.505, 0.50045, 0.50025], EpochSeconds = [1, 2, 3, 4],
                EpochLogLoss = [0.6, 0.5, 0.45, 0.44],
            },
            Outcome(MulticlassTrainer.Adam, 10, 0.80, 0.50) with
            {
                Objective = 0.51, EpochObjective = [0.65, 0.51], EpochSeconds = [5, 10], EpochLogLoss = [0.6, 0.5],
            });

        string[] lines = [.. MulticlassConclusions.TimeToOptimum(result)];

        Assert.Equal(
        [
            $"{MulticlassTrainer.AdaHessian}: training objective within 1e-3 of F* from epoch 3 (after 3.0 s, 0.06× L-BFGS's fit).",
            $"{MulticlassTrainer.Adam}: training objective never within 1e-3 of F* in 2 epochs (after the last, 2.0e-02 above it).",
        ], lines);
    }
}
