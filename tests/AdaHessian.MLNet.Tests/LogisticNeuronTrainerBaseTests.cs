using System.Globalization;
using System.Text.RegularExpressions;
using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>Behaviour both trainers share: the model, the data reading, seeds, logging and errors.</summary>
public sealed class LogisticNeuronTrainerBaseTests
{
    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Fit_returns_the_model_and_transformer_types_of_LbfgsLogisticRegression(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml);

        var ours = Trainers.Create(trainer, ml).Fit(data);
        var lbfgs = ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data);

        Assert.Equal(lbfgs.GetType(), ours.GetType());
        Assert.Equal(lbfgs.Model.GetType(), ours.Model.GetType());
        Assert.Equal(-1.0, ours.Model.Calibrator.Slope);
        Assert.Equal(0.0, ours.Model.Calibrator.Offset);
        Assert.Equal("Features", ours.FeatureColumnName);
        Assert.True(ours.Model.SubModel.Weights.Count == 6);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Scores_are_w_dot_x_plus_b_and_probability_is_the_sigmoid_of_the_score(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var rows = Dense(200, 6, seed: 3);
        var data = Load(ml, rows, 6);

        var model = Trainers.Create(trainer, ml).Fit(data);
        var scored = ml.Data.CreateEnumerable<ScoredRow>(model.Transform(data), reuseRowObject: false).ToArray();

        var w = model.Model.SubModel.Weights.ToArray();
        float b = model.Model.SubModel.Bias;
        for (int i = 0; i < rows.Length; i++)
        {
            double score = b + rows[i].Features.Select((x, j) => (double)x * w[j]).Sum();
            Assert.Equal(score, scored[i].Score, 1e-4);
            Assert.Equal(1 / (1 + Math.Exp(-scored[i].Score)), scored[i].Probability, 1e-6);
            Assert.Equal(scored[i].Score > 0, scored[i].PredictedLabel);
        }
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Fits_the_objective_of_LbfgsLogisticRegression_with_the_same_L2(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.Cache(DenseView(ml, rows: 2000, featureCount: 6));
        var lbfgs = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, OptimizationTolerance = 1e-10f }).Fit(data);

        var ours = Trainers.Create(trainer, ml, o => o.L2Regularization = 1).Fit(data);

        double Objective(float[] p) => TrainLogLoss(ml, data, p) + (0.5 * p[..^1].Sum(v => (double)v * v) / 2000);
        double reference = Objective(Trainers.Parameters(lbfgs));
        double objective = Objective(Trainers.Parameters(ours));
        Assert.InRange(objective, reference, reference * (1 + 1e-4));
        var w = Trainers.Parameters(ours);
        var wRef = Trainers.Parameters(lbfgs);
        for (int j = 0; j < w.Length; j++)
        {
            Assert.Equal(wRef[j], w[j], 0.05);
        }
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Sparse_and_dense_copies_of_the_same_data_give_the_same_model(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var sparse = Sparse(300, 40, density: 0.1, seed: 5);

        // Sparse features are never centred, so the dense copy must not be either for the two runs to be the same.
        var fromSparse = Trainers.Create(trainer, ml, o => o.CenterFeatures = false).Fit(Load(ml, sparse, 40));
        var fromDense = Trainers.Create(trainer, ml, o => o.CenterFeatures = false).Fit(Load(ml, ToDense(sparse), 40));

        var a = Trainers.Parameters(fromSparse);
        var b = Trainers.Parameters(fromDense);
        for (int j = 0; j < a.Length; j++)
        {
            Assert.Equal(b[j], a[j], 1e-4);
        }

        Assert.NotEqual(0f, a.Take(40).Max(Math.Abs));
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Same_MLContext_seed_gives_bitwise_identical_models_and_another_seed_another_model(string trainer)
    {
        float[] Train(int seed)
        {
            var ml = new MLContext(seed);
            return Trainers.Parameters(Trainers.Create(trainer, ml).Fit(DenseView(ml)));
        }

        Assert.Equal(Train(5), Train(5));
        Assert.NotEqual(Train(5), Train(6));
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Seed_option_defaults_to_the_MLContext_seed(string trainer)
    {
        var seeded = new MLContext(seed: 7);
        var other = new MLContext(seed: 1);

        var byContext = Trainers.Create(trainer, seeded).Fit(DenseView(seeded));
        var byOption = Trainers.Create(trainer, other, o => o.Seed = 7).Fit(DenseView(other));

        Assert.Equal(Trainers.Parameters(byContext), Trainers.Parameters(byOption));
    }

    [Fact]
    public void An_unseeded_MLContext_still_trains()
    {
        var ml = new MLContext();

        var model = Trainers.Create(Trainers.AdaHessian, ml).Fit(DenseView(ml));

        Assert.All(Trainers.Parameters(model), p => Assert.True(float.IsFinite(p)));
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Thread_count_does_not_change_the_model(string trainer)
    {
        // Full batches of 5000 rows are split into chunks and reduced in a fixed order.
        float[] Train(int threads)
        {
            var ml = new MLContext(seed: 1);
            return Trainers.Parameters(Trainers.Create(trainer, ml, o => { o.BatchSize = int.MaxValue; o.NumberOfEpochs = 5; o.NumberOfThreads = threads; })
                .Fit(DenseView(ml, rows: 5000)));
        }

        Assert.Equal(Train(1), Train(2));
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void An_integer_example_weight_counts_like_repeated_rows(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var rows = Dense(120, 4, seed: 9);
        for (int i = 0; i < rows.Length; i += 3)
        {
            rows[i].Weight = 2f;
        }

        var repeated = rows.SelectMany(r => Enumerable.Repeat(new DenseRow { Features = r.Features, Label = r.Label }, (int)r.Weight)).ToArray();

        void FullBatch(LogisticNeuronTrainerOptions o)
        {
            o.BatchSize = int.MaxValue;
            o.NumberOfEpochs = 40;
            o.L2Regularization = 1; // the same objective: an automatic L2's folds split repeated rows, not weighted ones
        }

        var weighted = Trainers.Create(trainer, ml, o => { FullBatch(o); o.ExampleWeightColumnName = "Weight"; }).Fit(Load(ml, rows, 4));
        var copied = Trainers.Create(trainer, ml, FullBatch).Fit(Load(ml, repeated, 4));
        var unweighted = Trainers.Create(trainer, ml, FullBatch).Fit(Load(ml, rows, 4));

        var a = Trainers.Parameters(weighted);
        var b = Trainers.Parameters(copied);
        for (int j = 0; j < a.Length; j++)
        {
            Assert.Equal(b[j], a[j], 1e-4);
        }

        Assert.NotEqual(Trainers.Parameters(unweighted), a);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Rows_with_a_non_finite_feature_or_weight_or_a_negative_weight_are_skipped_counted_and_logged(string trainer)
    {
        var clean = Dense(100, 4, seed: 2);
        var bad = new[]
        {
            new DenseRow { Features = [float.NaN, 0, 0, 0], Label = true },
            new DenseRow { Features = [0, float.PositiveInfinity, 0, 0], Label = false },
            new DenseRow { Features = [1, 1, 1, 1], Label = true, Weight = -1f },
            new DenseRow { Features = [1, 1, 1, 1], Label = false, Weight = float.NaN },
            new DenseRow { Features = [1, 1, 1, 1], Label = true, Weight = float.PositiveInfinity },
        };
        var mixed = clean.Take(50).Concat(bad).Concat(clean.Skip(50)).ToArray();

        var ml = new MLContext(seed: 3);
        var warnings = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Kind == ChannelMessageKind.Warning)
            {
                lock (warnings)
                {
                    warnings.Add(e.Message);
                }
            }
        };
        var withBad = Trainers.Create(trainer, ml, o => o.ExampleWeightColumnName = "Weight").Fit(Load(ml, mixed, 4));
        var ml2 = new MLContext(seed: 3);
        var withoutBad = Trainers.Create(trainer, ml2, o => o.ExampleWeightColumnName = "Weight").Fit(Load(ml2, clean, 4));

        Assert.Equal(Trainers.Parameters(withoutBad), Trainers.Parameters(withBad));
        var warning = Assert.Single(warnings);
        Assert.Contains("Skipped 5 of 105 rows", warning, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void No_usable_rows_throws_InvalidOperationException_that_says_so(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var allBad = Enumerable.Range(0, 3).Select(_ => new DenseRow { Features = [float.NaN, 0], Label = true }).ToArray();
        var zeroWeight = Enumerable.Range(0, 3).Select(_ => new DenseRow { Features = [1, 0], Label = true, Weight = 0 }).ToArray();

        var skipped = Assert.Throws<InvalidOperationException>(() => Trainers.Create(trainer, ml).Fit(Load(ml, allBad, 2)));
        var empty = Assert.Throws<InvalidOperationException>(() => Trainers.Create(trainer, ml).Fit(Load(ml, Array.Empty<DenseRow>(), 2)));
        var weightless = Assert.Throws<InvalidOperationException>(
            () => Trainers.Create(trainer, ml, o => o.ExampleWeightColumnName = "Weight").Fit(Load(ml, zeroWeight, 2)));

        Assert.Contains("no usable training rows", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("3 rows and 3 were skipped", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("0 rows and 0 were skipped", empty.Message, StringComparison.Ordinal);
        Assert.Contains("total example weight of the 3 usable rows is 0", weightless.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Progress_goes_to_MLContext_Log_as_info_messages_of_the_trainer(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<LoggingEventArgs>();
        ml.Log += (_, e) =>
        {
            lock (messages)
            {
                messages.Add(e);
            }
        };

        Trainers.Create(trainer, ml, o => o.NumberOfEpochs = 3).Fit(DenseView(ml));

        var ours = messages.Where(m => m.Source.StartsWith(trainer, StringComparison.Ordinal) && m.Kind != ChannelMessageKind.Trace).ToArray();
        Assert.All(ours, m => Assert.Equal(ChannelMessageKind.Info, m.Kind));
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            Assert.Contains(ours, m => m.Message.Contains($"Epoch {epoch}/3: objective ", StringComparison.Ordinal));
        }

        Assert.Contains(ours, m => m.Message.Contains("400 rows × 6 features (dense)", StringComparison.Ordinal));
        Assert.Contains(ours, m => m.Message.Contains("finished after 3 epochs", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void A_long_full_batch_fit_logs_a_hundred_evenly_spaced_epochs_and_tells_the_observer_of_every_one(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var messages = LogCapture.Messages(ml);
        var observed = new List<int>();

        Trainers.Create(trainer, ml, o =>
        {
            o.BatchSize = int.MaxValue;
            o.NumberOfEpochs = 1000;
            o.MinimumNumberOfSteps = 0;
            o.OptimizationTolerance = 0;
            o.Observer = new Observer(p => observed.Add(p.Epoch));
        }).Fit(DenseView(ml));

        int[] logged;
        lock (messages)
        {
            logged = messages.Select(m => Regex.Match(m, @"Epoch (\d+)/1000: objective ")).Where(m => m.Success)
                .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(k => 10 * k), logged);
        Assert.Equal(Enumerable.Range(1, 1000), observed);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Info_asks_for_normalization_but_not_caching(string trainer)
    {
        var info = Trainers.Create(trainer, new MLContext(seed: 1)).Info;

        Assert.True(info.NeedNormalization);
        Assert.False(info.WantCaching);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Squared_error_loss_also_learns(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml);

        var model = Trainers.Create(trainer, ml, o => o.Loss = AdaHessian.Objective.LossKind.SquaredError).Fit(data);

        Assert.True(ml.BinaryClassification.Evaluate(model.Transform(data)).AreaUnderRocCurve > 0.8);
    }

    [Fact]
    public void Parameters_beyond_the_range_of_Single_throw_TrainingDivergedException()
    {
        // Adam's first steps have size ≈ η; two steps of 3e38 leave float's range while double stays finite. The
        // objective rises far above its start on the way, which is reported first, naming the learning rate.
        var ml = new MLContext(seed: 1);

        var ex = Assert.Throws<AdaHessian.Training.TrainingDivergedException>(
            () => Trainers.Create(Trainers.Adam, ml, o => { o.LearningRate = 3e38f; o.NumberOfEpochs = 1; }).Fit(DenseView(ml)));

        Assert.Contains("above its starting value", ex.Message, StringComparison.Ordinal);
        Assert.Contains("learning rate (currently 3E+38", ex.Message, StringComparison.Ordinal);
    }

    private static double TrainLogLoss(MLContext ml, IDataView data, float[] p)
    {
        double sum = 0;
        int n = 0;
        foreach (var row in ml.Data.CreateEnumerable<DenseRow>(data, reuseRowObject: false))
        {
            double a = p[^1] + row.Features.Select((x, j) => (double)x * p[j]).Sum();
            sum += Math.Log(1 + Math.Exp(-Math.Abs(a))) + Math.Max(a, 0) - (row.Label ? a : 0);
            n++;
        }

        return sum / n;
    }
}
