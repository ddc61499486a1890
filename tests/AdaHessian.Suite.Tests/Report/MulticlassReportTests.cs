using AdaHessian.Suite.Multiclass;

namespace AdaHessian.Suite.Tests.Report;

public class MulticlassReportTests
{
    private static MulticlassOutcome Outcome(string name, double seconds, double accuracy, double loss) =>
        new(name, seconds, accuracy, accuracy, loss);

    [Fact]
    public void The_conclusions_are_the_ratios_of_the_table()
    {
        MulticlassOutcome[] outcomes =
        [
            Outcome(MulticlassTrainer.Lbfgs, 50, 0.84, 0.45),
            Outcome(MulticlassTrainer.AdaHessian, 10, 0.85, 0.36),
            Outcome(MulticlassTrainer.OneVersusAll, 40, 0.83, 0.72),
        ];
        string[] lines = [.. MulticlassReport.Conclusions(outcomes)];
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
        string[] lines = [.. MulticlassReport.Conclusions(outcomes)];
        Assert.Equal($"{MulticlassTrainer.Lbfgs} did not run or failed.", lines[0]);
        Assert.Equal($"{MulticlassTrainer.OneVersusAll} did not run or failed.", lines[1]);
        Assert.Single(MulticlassReport.Conclusions([Outcome(MulticlassTrainer.Lbfgs, 1, 0.8, 0.5)]));
    }

    [Fact]
    public void The_table_shows_an_error_in_place_of_numbers()
    {
        string report = MulticlassReport.Render([new(MulticlassTrainer.Lbfgs, 2, double.NaN, double.NaN, double.NaN, "Boom: x")],
            MulticlassTrainer.All, 100, "cmd", 3);
        Assert.Contains($"| {MulticlassTrainer.Lbfgs} | 2.0 s | – | – | Boom: x |", report, StringComparison.Ordinal);
        Assert.Contains("100 training images", report, StringComparison.Ordinal);
    }
}
