using AdaHessian.Data;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace AdaHessian.Suite.Tests.Running;

public class LoggedL2SourceTests
{
    private static readonly PreparedData Data = Preprocessing.Prepare(new MLContext(seed: 0), new DataSplit(
        new LogisticDataset(FeatureMatrix.Dense(6, 1, [1, 2, 3, -1, -2, 0]), [1f, 1f, 0f, 0f, 1f, 0f]),
        new LogisticDataset(FeatureMatrix.Dense(2, 1, [1, -1]), [1f, 0f])), normalize: false);

    [Theory]
    [InlineData("AdaHessian: η 0.5, L2 0.0316 (chosen by 3-fold cross-validation over 10 values in 12.3 ms), 40 epochs", 0.0316)]
    [InlineData("L2 1e-05 (chosen by the data)", 1e-5)]
    public void The_chosen_L2_is_read_from_the_log_line(string message, double l2) =>
        Assert.Equal(l2, LoggedL2Source.ChosenBy(message));

    [Theory]
    [InlineData("Auto-tuning parameters: L2 = 2.6666667E-05.")]
    [InlineData("L2 0.1 (given)")]
    [InlineData("L2 many (chosen by nobody)")]
    public void Other_lines_give_no_L2(string message) => Assert.Null(LoggedL2Source.ChosenBy(message));

    [Fact]
    public void The_source_fits_the_trainer_and_reads_its_L2_from_the_MLContext_log()
    {
        var source = new LoggedL2Source(LoggingTrainer("L2 0.25 (chosen by a test)"));

        var outcome = source.Run(Data, [], fits: 2);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("logging L-BFGS", outcome.Source);
        Assert.Equal(0.25, outcome.L2);
        Assert.Equal(2, outcome.Seconds.Count);
        Assert.InRange(outcome.TestLogLoss, 0, 1);
        Assert.Null(outcome.Note);
    }

    [Fact]
    public void A_trainer_that_logs_no_L2_is_reported_without_one()
    {
        var outcome = new LoggedL2Source(LoggingTrainer("nothing chosen")).Run(Data, [], fits: 1);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(double.IsNaN(outcome.L2));
        Assert.Equal("no log message gave the chosen L2", outcome.Note);
    }

    // L-BFGS that writes one line to the context's log first, as a trainer choosing its own L2 would.
    private static SuiteTrainer LoggingTrainer(string line) => new("logging L-BFGS", "test", ml =>
    {
        using (var channel = ((IHostEnvironment)ml).Start("test"))
        {
            channel.Info(MessageSensitivity.None, line);
        }

        return CrossValidatedLbfgs.Trainer(1).Create(ml);
    });
}
