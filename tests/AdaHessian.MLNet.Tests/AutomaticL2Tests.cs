using AdaHessian.MLNet.Tests.TestSupport;
using AdaHessian.Regularization;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>L2Regularization = null (the default): the strength is chosen from the training data, logged, reported and reusable.</summary>
public sealed class AutomaticL2Tests
{
    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void The_chosen_strength_is_logged_readable_and_refits_the_same_model(string trainer)
    {
        var ml = new MLContext(seed: 5);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var data = DenseView(ml, rows: 300, featureCount: 8, seed: 6);
        var reported = new List<double>();
        var estimator = Trainers.Create(trainer, ml, o => o.Observer = new Observer(p => reported.Add(p.L2Regularization)));
        var model = estimator.Fit(data);

        L2Choice choice = Assert.IsType<L2Choice>(LastChoice(estimator));
        Assert.Equal(L2Method.CrossValidation, choice.Method);
        Assert.Equal(10, choice.Folds); // 300 rows: 10 folds
        Assert.Equal((double)(float)choice.L2Regularization, choice.L2Regularization);
        Assert.Contains(messages, m => m.Contains(choice.Describe(), StringComparison.Ordinal) && m.Contains("chosen by 10-fold cross-validation", StringComparison.Ordinal));
        Assert.NotEmpty(reported);
        Assert.All(reported, l2 => Assert.Equal(choice.L2Regularization, l2));

        var again = Trainers.Create(trainer, new MLContext(seed: 5), o => o.L2Regularization = (float)choice.L2Regularization);
        Assert.Equal(Trainers.Parameters(model), Trainers.Parameters(again.Fit(DenseView(new MLContext(5), rows: 300, featureCount: 8, seed: 6))));
        Assert.Null(LastChoice(again));
    }

    [Fact]
    public void A_given_strength_is_used_as_given_and_logged_so()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var estimator = Trainers.Create(Trainers.AdaHessian, ml, o => o.L2Regularization = 0.25f);
        estimator.Fit(DenseView(ml, rows: 100));
        Assert.Null(LastChoice(estimator));
        Assert.Contains(messages, m => m.Contains("L2 0.25 (given)", StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_validation_set_the_validation_set_scores_the_path()
    {
        var ml = new MLContext(seed: 2);
        var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { NumberOfEpochs = 5, MinimumNumberOfSteps = 0 });
        trainer.Fit(DenseView(ml, rows: 200, seed: 3), DenseView(ml, rows: 200, seed: 4));
        Assert.Equal(L2Method.ValidationSet, trainer.LastL2Choice!.Method);
    }

    [Fact]
    public void ValidationSet_selection_without_a_validation_set_names_the_option()
    {
        var ml = new MLContext(seed: 2);
        var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { L2Selection = L2Method.ValidationSet });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(DenseView(ml, rows: 50)));
        Assert.Equal("L2Selection", e.ParamName);
    }

    [Fact]
    public void The_evidence_can_be_chosen_instead()
    {
        var ml = new MLContext(seed: 2);
        var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { L2Selection = L2Method.Evidence });
        trainer.Fit(DenseView(ml, rows: 200));
        Assert.Equal(L2Method.Evidence, trainer.LastL2Choice!.Method);
        Assert.InRange(trainer.LastL2Choice.L2Regularization, 1e-5, 1e3);
    }

    [Fact]
    public void One_class_data_falls_back_to_one_and_warns()
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
        var rows = Dense(80, 4, seed: 3).Select(r => new DenseRow { Features = r.Features, Label = true, Weight = 1 }).ToArray();
        var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { NumberOfEpochs = 3, MinimumNumberOfSteps = 0 });
        trainer.Fit(Load(ml, rows, 4));
        Assert.Equal(L2Search.Fallback, trainer.LastL2Choice!.L2Regularization);
        Assert.Contains(warnings, w => w.Contains("one class", StringComparison.Ordinal));
    }

    [Fact]
    public void One_row_is_one_class_and_a_constant_feature_keeps_weight_zero()
    {
        var ml = new MLContext(seed: 3);
        var one = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options());
        one.Fit(Load(ml, new[] { new DenseRow { Features = [0, 0, 1, 0, 0], Label = true } }, 5));
        Assert.Equal(L2Search.Fallback, one.LastL2Choice!.L2Regularization);

        // Feature 0 is 1 in every row: centred, it is 0, so no strength moves its weight.
        var rows = Dense(300, 4, seed: 9).Select(r => new DenseRow { Features = [1f, .. r.Features], Label = r.Label }).ToArray();
        var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options());
        var model = trainer.Fit(Load(ml, rows, 5));
        Assert.Equal(0f, model.Model.SubModel.Weights[0]);
        Assert.Null(trainer.LastL2Choice!.Warning);
    }

    [Fact]
    public void The_choice_and_the_model_do_not_depend_on_the_thread_count()
    {
        float[]? first = null;
        double? l2 = null;
        foreach (int threads in new[] { 1, 2 })
        {
            var ml = new MLContext(seed: 4);
            var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { NumberOfThreads = threads, NumberOfEpochs = 5 });
            var model = trainer.Fit(DenseView(ml, rows: 5000, featureCount: 30, seed: 8));
            first ??= Trainers.Parameters(model);
            l2 ??= trainer.LastL2Choice!.L2Regularization;
            Assert.Equal(first, Trainers.Parameters(model));
            Assert.Equal(l2, trainer.LastL2Choice!.L2Regularization);
        }
    }

    [Fact]
    public void On_few_noisy_rows_of_many_features_the_chosen_strength_predicts_better_than_one()
    {
        // 120 rows, 60 features of which 6 carry signal: L2 = 1 overfits; the held-out loss on 4,000 fresh rows decides.
        var ml = new MLContext(seed: 7);
        var train = NoisyWide(120, seed: 1);
        var test = NoisyWide(4000, seed: 2);
        double Loss(float? l2)
        {
            var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { L2Regularization = l2 });
            var scored = trainer.Fit(Load(ml, train, 60)).Transform(Load(ml, test, 60));
            return ml.BinaryClassification.Evaluate(scored).LogLoss;
        }

        double automatic = Loss(null), one = Loss(1f);
        Assert.True(automatic < 0.95 * one, $"automatic {automatic:F4}, L2 = 1 {one:F4}");
    }

    private static DenseRow[] NoisyWide(int rows, int seed)
    {
        var random = new Random(seed);
        var result = new DenseRow[rows];
        for (int i = 0; i < rows; i++)
        {
            var x = Enumerable.Range(0, 60).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
            double a = 0.8 * (x[0] - x[1] + x[2] - x[3] + x[4] - x[5]);
            result[i] = new DenseRow { Features = x, Label = random.NextDouble() < 1 / (1 + Math.Exp(-a)), Weight = 1 };
        }

        return result;
    }

    private static L2Choice? LastChoice(object estimator) => estimator switch
    {
        AdaHessianTrainer a => a.LastL2Choice,
        AdamTrainer a => a.LastL2Choice,
        _ => throw new ArgumentOutOfRangeException(nameof(estimator)),
    };
}

/// <summary>How many rows the L2 search fits: a pass's work (rows × stored values a row × classes) stays bounded.</summary>
public sealed class L2SearchSampleTests
{
    [Fact]
    public void A_wide_softmax_is_searched_on_as_many_rows_as_the_work_allows()
    {
        // 100 dense features × 1,000 classes: 100,000 units a row, so 2^25 / 100,000 = 335 rows.
        var features = AdaHessian.Data.FeatureMatrix.Dense(1000, 100, new float[100_000]);
        var data = new AdaHessian.Data.MulticlassDataset(features, new int[1000], classCount: 1000);
        Assert.Equal(335, TrainingPlan.SearchRows(TrainingRows.Of(data), 65_536));

        // A logistic neuron on 20 stored values a row: the row cap decides.
        var sparse = AdaHessian.Data.FeatureMatrix.Sparse(2, 100_000, [0, 20, 40], [.. Enumerable.Range(0, 20), .. Enumerable.Range(0, 20)], new float[40]);
        var binary = new AdaHessian.Data.LogisticDataset(sparse, [0f, 1f]);
        Assert.Equal(65_536, TrainingPlan.SearchRows(TrainingRows.Of(binary), 65_536));
    }
}
