using System.Reflection;
using AdaHessian.MLNet.Tests.TestSupport;
using AdaHessian.Regularization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet.Tests.Multiclass;

/// <summary>ML.NET's training conventions on the multiclass trainers: a validation set, and a warm start from a model.</summary>
public sealed class MaximumEntropyConventionsTests
{
    [Fact]
    public void They_declare_validation_and_incremental_training()
    {
        var info = new AdaHessianMaximumEntropyTrainer(new MLContext(1), new AdaHessianMaximumEntropyTrainer.Options()).Info;
        bool Flag(string name) => (bool)typeof(TrainerInfo).GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!
            .GetValue(info)!;
        Assert.True(Flag("SupportsValidation"));
        Assert.True(Flag("SupportsIncrementalTraining"));
    }

    [Fact]
    public void A_validation_set_is_scored_every_epoch_and_chooses_the_L2()
    {
        var ml = new MLContext(seed: 3);
        var (train, validation) = Keyed(ml, ThreeClassData.Rows(300, seed: 1), ThreeClassData.Rows(200, seed: 2));
        var losses = new List<double>();
        var trainer = new AdaHessianMaximumEntropyTrainer(ml, new AdaHessianMaximumEntropyTrainer.Options
        {
            NumberOfEpochs = 5, MinimumNumberOfSteps = 0, BatchSize = 32, EarlyStoppingRound = 0,
            Observer = new Observer(p => losses.Add(p.ValidationObjective)),
        });
        trainer.Fit(train, validation);
        Assert.Equal(5, losses.Count);
        Assert.All(losses, l => Assert.InRange(l, 0, Math.Log(3)));
        Assert.Equal(L2Method.ValidationSet, trainer.LastL2Choice!.Method);
    }

    [Fact]
    public void Validation_rows_of_a_class_absent_from_training_are_left_out_and_said_so()
    {
        var ml = new MLContext(seed: 3);
        var warnings = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning)
            {
                lock (warnings) { warnings.Add(e.Message); }
            }
        };
        var (train, validation) = Keyed(ml, ThreeClassData.Rows(200, seed: 1, names: ["cat", "dog"]), ThreeClassData.Rows(90, seed: 2));
        var trainer = new AdaHessianMaximumEntropyTrainer(ml, new AdaHessianMaximumEntropyTrainer.Options
        {
            NumberOfEpochs = 3, MinimumNumberOfSteps = 0, L2Regularization = 1,
        });
        trainer.Fit(train, validation);
        Assert.Contains(warnings, w => w.Contains("left 30 of 90 validation rows out", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warm_start_begins_at_the_given_model()
    {
        var ml = new MLContext(seed: 4);
        var (train, _) = Keyed(ml, ThreeClassData.Rows(300, seed: 1), ThreeClassData.Rows(3, seed: 2));
        var first = new AdaHessianMaximumEntropyTrainer(ml, new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1 }).Fit(train).Model;

        // One epoch at a vanishing step: the model stays where it started, which a cold start (zeros) is not.
        var tiny = new AdaHessianMaximumEntropyTrainer(ml, new AdaHessianMaximumEntropyTrainer.Options
        {
            L2Regularization = 1, NumberOfEpochs = 1, MinimumNumberOfSteps = 0, LearningRate = 1e-9f, CenterFeatures = false,
        });
        var (w0, b0) = ThreeClassData.Parameters(first);
        var (w1, b1) = ThreeClassData.Parameters(tiny.Fit(train, first).Model);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(b0[k], b1[k], 1e-5);
            for (int j = 0; j < ThreeClassData.FeatureCount; j++)
            {
                Assert.Equal(w0[k][j], w1[k][j], 1e-5);
            }
        }

        var (cold, _) = ThreeClassData.Parameters(tiny.Fit(train).Model);
        Assert.True(Math.Abs(cold[0][0]) < 1e-4 && Math.Abs(w0[0][0]) > 0.1, "the warm start is what moved the model");
    }

    [Fact]
    public void A_model_of_another_shape_is_refused_naming_it()
    {
        var ml = new MLContext(seed: 4);
        var (train, _) = Keyed(ml, ThreeClassData.Rows(60, seed: 1), ThreeClassData.Rows(3, seed: 2));
        var trainer = new AdaHessianMaximumEntropyTrainer(ml, new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1, NumberOfEpochs = 1 });
        var twoFeatures = ml.Data.LoadFromEnumerable(ThreeClassData.Rows(60, seed: 1).Select(r => new TwoFeatureRow { Features = r.Features[..2], Label = r.Label }));
        var small = ThreeClassData.ToKey(ml).Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Fit(twoFeatures).LastTransformer.Model;
        Assert.Equal("modelParameters", Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(train, small)).ParamName);
    }

    private static (IDataView Train, IDataView Validation) Keyed(MLContext ml, ThreeClassData.Row[] train, ThreeClassData.Row[] validation)
    {
        var key = ThreeClassData.ToKey(ml).Fit(ThreeClassData.View(ml, train));
        return (key.Transform(ThreeClassData.View(ml, train)), key.Transform(ThreeClassData.View(ml, validation)));
    }

    private sealed class TwoFeatureRow
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }
}
