using AdaHessian.MLNet.Tests.TestSupport;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>What a user gets without choosing an option, on the cases where the official AdaHessian failed.</summary>
public sealed class DefaultOptionsTests
{
    public static TheoryData<string> Both => Trainers.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public void One_training_row_gives_a_large_but_sane_bias(string trainer)
    {
        // The log-loss of one positive row falls forever as the bias grows, so any optimizer stops somewhere; L-BFGS stops
        // at about 15. The official AdaHessian's Hutchinson estimate of the bias's curvature is 0 half the time, and it
        // returned 2,225.
        var ml = new MLContext(seed: 1);
        var row = new[] { new DenseRow { Features = [0, 0, 1, 0, 0], Label = true, Weight = 1 } };
        var model = Create(trainer, ml).Fit(Load(ml, row, 5));
        float bias = model.Model.SubModel.Bias;
        Assert.InRange(bias, 2f, 40f);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_runaway_learning_rate_on_features_of_scale_1e6_throws_instead_of_returning_a_model(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var rows = Dense(300, 4, seed: 3).Select(r => new DenseRow { Features = r.Features.Select(v => v * 1e6f).ToArray(), Label = r.Label, Weight = 1 });
        var estimator = trainer == Trainers.Adam
            ? (ITrainerEstimator<BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<LinearBinaryModelParameters,
                Microsoft.ML.Calibrators.PlattCalibrator>>, Microsoft.ML.Calibrators.CalibratedModelParametersBase<LinearBinaryModelParameters,
                Microsoft.ML.Calibrators.PlattCalibrator>>)new AdamTrainer(ml, new AdamTrainer.Options { LearningRate = 1e30f })
            : new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { LearningRate = 1e6f });

        var e = Assert.Throws<TrainingDivergedException>(() => estimator.Fit(Load(ml, rows, 4)));
        Assert.Contains("learning rate", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void On_wide_sparse_data_the_default_model_is_close_to_LBFGS_and_far_better_than_the_zero_model(string trainer)
    {
        // 3,000 rows of 2,000 features at 1 % density (20 per row): the case where the official AdaHessian ended worse
        // than the all-zero model.
        var ml = new MLContext(seed: 1);
        var train = Load(ml, Sparse(3000, 2000, density: 0.01, seed: 11), 2000);
        var test = Load(ml, Sparse(3000, 2000, density: 0.01, seed: 12), 2000);

        var ours = ml.BinaryClassification.Evaluate(Create(trainer, ml).Fit(train).Transform(test));
        var lbfgs = ml.BinaryClassification.Evaluate(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 })
            .Fit(train).Transform(test));

        Assert.True(ours.LogLoss < 1, $"log-loss {ours.LogLoss} bits: the zero model's is 1");
        Assert.InRange(ours.LogLoss, 0, lbfgs.LogLoss * 1.02);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void On_weak_signal_data_mini_batch_noise_above_the_start_is_not_divergence(string trainer)
    {
        // 30,000 rows of 150 uniform features with logits of about ±0.15: the optimum lies barely below ln 2, and the
        // first mini-batch epochs wander a few per cent above it before the learning rate decays.
        var ml = new MLContext(seed: 1);
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(3, threadSafe: false);
        DenseRow Row()
        {
            var x = new float[150];
            double a = 0;
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = (float)random.NextDouble();
                a += (j % 2 == 0 ? 0.04 : -0.04) * x[j];
            }

            return new DenseRow { Features = x, Label = random.NextDouble() < 1 / (1 + Math.Exp(-a)), Weight = 1 };
        }

        var train = Load(ml, Enumerable.Range(0, 30_000).Select(_ => Row()).ToArray(), 150);
        var test = Load(ml, Enumerable.Range(0, 10_000).Select(_ => Row()).ToArray(), 150);
        var ours = ml.BinaryClassification.Evaluate(Create(trainer, ml).Fit(train).Transform(test));
        var lbfgs = ml.BinaryClassification.Evaluate(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 })
            .Fit(train).Transform(test));

        Assert.InRange(ours.LogLoss, 0, lbfgs.LogLoss * 1.01);
    }

    private static ITrainerEstimator<BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<LinearBinaryModelParameters,
        Microsoft.ML.Calibrators.PlattCalibrator>>, Microsoft.ML.Calibrators.CalibratedModelParametersBase<LinearBinaryModelParameters,
        Microsoft.ML.Calibrators.PlattCalibrator>> Create(string trainer, MLContext ml) =>
        trainer == Trainers.Adam ? ml.BinaryClassification.Trainers.Adam() : ml.BinaryClassification.Trainers.AdaHessian();
}
