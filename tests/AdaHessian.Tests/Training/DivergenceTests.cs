using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;
using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

public class DivergenceTests
{
    // Features of 1e30: after one step of size ~1e300 the activation overflows to ±∞.
    private static LogisticObjective Huge(LossKind loss) =>
        new(new LogisticDataset(FeatureMatrix.Dense(4, 2, [1e30f, -2e30f, 3e30f, 1e30f, -1e30f, 1e30f, 2e30f, 2e30f]), [1f, 0f, 1f, 0f]), loss);

    private static void AssertHelpful(TrainingDivergedException e, double learningRate)
    {
        Assert.Contains($"epoch {e.Epoch}", e.Message);
        Assert.Contains($"step {e.Step}", e.Message);
        Assert.Contains("smaller learning rate", e.Message);
        Assert.Contains(learningRate.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Theory]
    [InlineData(LossKind.LogLoss, false)]
    [InlineData(LossKind.SquaredError, false)]
    [InlineData(LossKind.LogLoss, true)]
    [InlineData(LossKind.SquaredError, true)]
    public void A_huge_learning_rate_throws_in_the_first_epoch_instead_of_returning_a_NaN_model(LossKind loss, bool adaHessian)
    {
        Optimizer optimizer = adaHessian
            ? Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = 1e300 })
            : Optimizer.Adam(new AdamOptions { LearningRate = 1e300 });
        var options = new TrainingOptions { NumberOfEpochs = 10, Curvature = adaHessian ? new CurvatureOptions(CurvatureKind.ExactDiagonal) : null };

        var e = Assert.Throws<TrainingDivergedException>(() => TrainingLoop.Run(Huge(loss), optimizer, options));

        Assert.Equal(1, e.Epoch);
        Assert.Equal(1, e.Step);
        AssertHelpful(e, 1e300);
    }

    [Fact]
    public void Mini_batch_divergence_names_the_step_inside_the_epoch()
    {
        var optimizer = Optimizer.Adam(new AdamOptions { LearningRate = 1e300 });

        var e = Assert.Throws<TrainingDivergedException>(() => TrainingLoop.Run(Huge(LossKind.LogLoss), optimizer,
            new TrainingOptions { NumberOfEpochs = 10, BatchSize = 2, Shuffle = false }));

        // Step 1 on rows {0, 1} sends the weights to ~1e300; the batch objective before step 2 is then infinite.
        Assert.Equal(1, e.Epoch);
        Assert.Equal(1, e.Step);
        Assert.Contains("mini-batch objective", e.Message);
        AssertHelpful(e, 1e300);
    }

    [Fact]
    public void Ordinary_data_with_learning_rate_1e300_also_ends_in_the_exception()
    {
        // Adam moves each parameter by up to ~η per step, so |θ| grows by ~1e300 a step until it overflows.
        LogisticObjective objective = new(TestData.Random(50, 4, seed: 3).Dataset(false), LossKind.LogLoss);
        var optimizer = Optimizer.Adam(new AdamOptions { LearningRate = 1e300 });

        var e = Assert.Throws<TrainingDivergedException>(() => TrainingLoop.Run(objective, optimizer, new TrainingOptions { NumberOfEpochs = 10_000 }));

        Assert.InRange(e.Epoch, 1, 10_000);
        Assert.Equal(e.Epoch, e.Step); // full batch: one step per epoch
        AssertHelpful(e, 1e300);
    }

    [Fact]
    public void An_infinite_start_is_reported_at_epoch_zero()
    {
        var objective = new LogisticObjective(new LogisticDataset(FeatureMatrix.Dense(1, 1, [1e30f]), [1f]), LossKind.LogLoss, 1.0);

        var e = Assert.Throws<TrainingDivergedException>(() => TrainingLoop.Run(objective, Optimizer.Adam(),
            new TrainingOptions { NumberOfEpochs = 3 }, [1e300, 0]));

        Assert.Equal(0, e.Epoch);
        Assert.Equal(0, e.Step);
        Assert.Contains("epoch 0", e.Message);
    }

    [Fact]
    public void A_non_finite_parameter_is_caught_even_when_the_objective_stays_finite()
    {
        // Squared error saturates: once the bias is ±∞, p = σ(±∞) is 0 or 1 and ½(p − y)² is finite, so only the
        // parameter check can notice. The feature is 0, so the weight stays 0 and the L2 term stays 0.
        // Adam with η = 1e308: b₁ ≈ −1e308 (|update| ≈ 1), b₂ ≈ −1e308 − 0.67e308, b₃ overflows to −∞.
        var data = new LogisticDataset(FeatureMatrix.Dense(2, 1, [0f, 0f]), [0f, 0f]);
        var objective = new LogisticObjective(data, LossKind.SquaredError, 1.0);
        var optimizer = Optimizer.Adam(new AdamOptions { LearningRate = 1e308 });

        var e = Assert.Throws<TrainingDivergedException>(() => TrainingLoop.Run(objective, optimizer, new TrainingOptions { NumberOfEpochs = 50 }));

        Assert.InRange(e.Step, 2, 50);
        Assert.Equal(e.Step, e.Epoch);
        Assert.Contains("a parameter became -Infinity", e.Message);
        AssertHelpful(e, 1e308);
    }
}
