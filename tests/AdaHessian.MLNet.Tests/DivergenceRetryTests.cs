using AdaHessian.MLNet.Tests.Multiclass;
using AdaHessian.MLNet.Tests.TestSupport;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>An automatic η that diverges is the trainer's misjudgement: it starts again smaller instead of failing the fit.</summary>
public sealed class DivergenceRetryTests
{
    [Fact]
    public void A_retry_takes_a_quarter_of_the_step_per_attempt_and_beta1_back_to_its_default()
    {
        (double rate, double beta1, string how) = new DivergenceRetry(2, "rose").Apply(1.6, 0.2, 0.9, "automatic");
        Assert.Equal(0.1, rate, 1e-15);
        Assert.Equal(0.9, beta1);
        Assert.Equal("automatic, × 0.0625 after η 0.4 diverged", how);
        Assert.Equal(0.95, new DivergenceRetry(1, "x").Apply(1, 0.95, 0.9, "").Beta1);
    }

    [Fact]
    public void The_reason_is_the_divergence_without_the_advice_the_retry_takes()
    {
        var e = new TrainingDivergedException("Training diverged in epoch 3 at step 3: the objective rose (now 5). Try a smaller learning rate (currently 2).", 3, 3);
        Assert.Equal(new DivergenceRetry(2, "Training diverged in epoch 3 at step 3: the objective rose (now 5)"), DivergenceRetry.After(2, e));
    }

    [Theory]
    [InlineData(Trainers.AdaHessian, 30)]
    [InlineData(Trainers.Adam, 300)]
    public void An_automatic_learning_rate_that_diverges_is_retried_smaller_and_the_fit_reaches_the_same_optimum(string trainer, double factor)
    {
        var reference = Fit(trainer, factor: 1, out List<string> quiet);
        var retried = Fit(trainer, factor, out List<string> messages);

        Assert.DoesNotContain(quiet, m => m.Contains("diverged", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains(" Try ", StringComparison.Ordinal));
        string warning = Assert.Single(messages, m => m.Contains("the automatic learning rate diverged", StringComparison.Ordinal));
        Assert.Contains("retry 1 of 8", warning, StringComparison.Ordinal);
        Assert.Equal(2, messages.Count(m => m.Contains(" on 400 rows × 6 features", StringComparison.Ordinal)));
        float[] expected = Trainers.Parameters(reference), actual = Trainers.Parameters(retried);
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], actual[j], 0.02);
        }
    }

    [Fact]
    public void Adam_on_features_of_scale_1e6_retries_until_its_step_suits_them_and_returns_a_model_better_than_zero()
    {
        var ml = new MLContext(seed: 1);
        List<string> messages = LogCapture.Messages(ml);
        var rows = Dense(1000, 20, seed: 3).Select(r => new DenseRow { Features = r.Features.Select(v => v * 1e6f).ToArray(), Label = r.Label, Weight = 1 }).ToArray();
        var model = new AdamTrainer(ml, new AdamTrainer.Options { L2Regularization = 1 }).Fit(Load(ml, rows, 20));
        double loss = ml.BinaryClassification.Evaluate(model.Transform(Load(ml, rows, 20))).LogLoss;
        Assert.InRange(loss, 0, 0.9);
        lock (messages)
        {
            Assert.InRange(messages.Count(m => m.Contains("the automatic learning rate diverged", StringComparison.Ordinal)), 1, DivergenceRetry.MaximumRetries);
        }
    }

    [Fact]
    public void A_fit_that_diverges_on_every_retry_throws_after_the_last()
    {
        var e = Assert.Throws<TrainingDivergedException>(() => Fit(Trainers.AdaHessian, factor: 1e9, out List<string> messages));
        Assert.Contains("learning rate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_names_every_retry_before_the_fit_gives_up()
    {
        var ml = new MLContext(seed: 1);
        List<string> messages = LogCapture.Messages(ml);
        var options = new AdaHessianTrainer.Options { L2Regularization = 1, AutomaticRateFactor = 1e9 };
        Assert.Throws<TrainingDivergedException>(() => new AdaHessianTrainer(ml, options).Fit(DenseView(ml)));
        lock (messages)
        {
            var retries = messages.Where(m => m.Contains("the automatic learning rate diverged", StringComparison.Ordinal)).ToList();
            Assert.Equal(DivergenceRetry.MaximumRetries, retries.Count);
            Assert.Contains("retry 8 of 8", retries[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_given_learning_rate_that_diverges_throws_at_once()
    {
        var ml = new MLContext(seed: 1);
        List<string> messages = LogCapture.Messages(ml);
        var options = new AdaHessianTrainer.Options { L2Regularization = 1, LearningRate = 1e6f, AutomaticRateFactor = 1 };
        var rows = Dense(300, 4, seed: 3).Select(r => new DenseRow { Features = r.Features.Select(v => v * 1e6f).ToArray(), Label = r.Label, Weight = 1 });
        Assert.Throws<TrainingDivergedException>(() => new AdaHessianTrainer(ml, options).Fit(Load(ml, rows, 4)));
        lock (messages)
        {
            Assert.DoesNotContain(messages, m => m.Contains("the automatic learning rate diverged", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_softmax_trainer_retries_too()
    {
        var ml = new MLContext(seed: 1);
        List<string> messages = LogCapture.Messages(ml);
        var data = ThreeClassData.View(ml, ThreeClassData.Rows(300, seed: 4));
        var options = new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1, AutomaticRateFactor = 30 };
        var model = ThreeClassData.ToKey(ml).Append(new AdaHessianMaximumEntropyTrainer(ml, options)).Fit(data);
        var reference = ThreeClassData.ToKey(ml).Append(new AdaHessianMaximumEntropyTrainer(ml,
            new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1 })).Fit(data);

        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("the automatic learning rate diverged", StringComparison.Ordinal));
        }

        var retried = (MaximumEntropyModelParameters)model.LastTransformer.Model;
        var expected = (MaximumEntropyModelParameters)reference.LastTransformer.Model;
        double optimum = ThreeClassData.Objective(expected, ThreeClassData.Rows(300, seed: 4), 1);
        Assert.InRange(ThreeClassData.Objective(retried, ThreeClassData.Rows(300, seed: 4), 1), optimum * (1 - 1e-4), optimum * (1 + 1e-4));
    }

    // The defaults (full batch on 400 rows) at L2 = 1, the automatic η scaled by factor.
    private static Microsoft.ML.Data.BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<
        Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>> Fit(string trainer, double factor,
        out List<string> messages)
    {
        var ml = new MLContext(seed: 1);
        messages = LogCapture.Messages(ml);
        LogisticNeuronTrainerOptions options = trainer == Trainers.AdaHessian ? new AdaHessianTrainer.Options() : new AdamTrainer.Options();
        options.L2Regularization = 1;
        options.AutomaticRateFactor = factor;
        var data = DenseView(ml);
        return options switch
        {
            AdaHessianTrainer.Options o => new AdaHessianTrainer(ml, o).Fit(data),
            AdamTrainer.Options o => new AdamTrainer(ml, o).Fit(data),
            _ => throw new InvalidOperationException(),
        };
    }
}
