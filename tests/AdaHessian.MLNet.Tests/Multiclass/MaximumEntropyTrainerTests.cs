using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet.Tests.Multiclass;

/// <summary>
/// Both multiclass trainers in ML.NET's multiclass tooling, each result checked against what the test computes on
/// its own from the fitted weights and biases.
/// </summary>
public sealed class MaximumEntropyTrainerTests
{
    private static IEstimator<ITransformer> Trainer(MLContext ml, string trainer, Action<LogisticNeuronTrainerOptions>? configure = null)
    {
        var catalog = ml.MulticlassClassification.Trainers;
        if (trainer == Trainers.AdaHessian)
        {
            var options = new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1 };
            configure?.Invoke(options);
            return catalog.AdaHessianMaximumEntropy(options);
        }

        var adam = new AdamMaximumEntropyTrainer.Options { L2Regularization = 1 };
        configure?.Invoke(adam);
        return catalog.AdamMaximumEntropy(adam);
    }

    private static (MLContext Ml, ThreeClassData.Row[] Rows, IDataView Train, ITransformer Model) Fit(string trainer,
        Action<LogisticNeuronTrainerOptions>? configure = null)
    {
        var ml = new MLContext(seed: 5);
        var rows = ThreeClassData.Rows(300, seed: 1);
        var train = ThreeClassData.View(ml, rows);
        var model = ThreeClassData.ToKey(ml).Append(Trainer(ml, trainer, configure)).Fit(train);
        return (ml, rows, train, model);
    }

    private static MaximumEntropyModelParameters Model(ITransformer chain) =>
        ((TransformerChain<ITransformer>)chain).OfType<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>().Single().Model;

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Score_is_the_softmax_of_the_fitted_weights(string trainer)
    {
        var (ml, rows, train, model) = Fit(trainer);
        (double[][] w, double[] b) = ThreeClassData.Parameters(Model(model));
        Assert.Equal(3, b.Length);
        var scored = ml.Data.CreateEnumerable<ThreeClassData.Scored>(model.Transform(train), reuseRowObject: false).ToList();
        for (int i = 0; i < rows.Length; i++)
        {
            double[] p = ThreeClassData.Softmax(w, b, rows[i].Features);
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(p[k], scored[i].Score[k], 1e-5);
            }
        }

        Assert.Contains(scored, s => s.Score.Max() < 0.9f);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Evaluate_gives_the_log_loss_of_the_probabilities(string trainer)
    {
        var (ml, rows, train, model) = Fit(trainer);
        var test = ThreeClassData.Rows(150, seed: 2);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(ThreeClassData.View(ml, test)));
        (double[][] w, double[] b) = ThreeClassData.Parameters(Model(model));
        double logLoss = test.Average(r => -Math.Log(ThreeClassData.Softmax(w, b, r.Features)[Array.IndexOf(ThreeClassData.Names, r.Label)]));
        Assert.Equal(logLoss, metrics.LogLoss, 1e-4);
        Assert.True(metrics.MacroAccuracy > 0.6, $"macro accuracy {metrics.MacroAccuracy}");
        Assert.True(metrics.LogLoss < Math.Log(3), $"log-loss {metrics.LogLoss}");
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Saved_and_loaded_model_scores_identically(string trainer)
    {
        var (ml, _, train, model) = Fit(trainer);
        using var stream = new MemoryStream();
        ml.Model.Save(model, train.Schema, stream);
        stream.Position = 0;
        var loaded = new MLContext().Model.Load(stream, out _);
        var before = ml.Data.CreateEnumerable<ThreeClassData.Scored>(model.Transform(train), false).ToList();
        var after = ml.Data.CreateEnumerable<ThreeClassData.Scored>(loaded.Transform(train), false).ToList();
        Assert.Equal(before.Count, after.Count);
        for (int i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].Score, after[i].Score);
        }
    }

    [Fact]
    public void CrossValidate_and_permutation_feature_importance_run()
    {
        var ml = new MLContext(seed: 5);
        var keyed = ThreeClassData.ToKey(ml).Fit(ThreeClassData.View(ml, ThreeClassData.Rows(240, seed: 3)))
            .Transform(ThreeClassData.View(ml, ThreeClassData.Rows(240, seed: 3)));
        var results = ml.MulticlassClassification.CrossValidate(keyed, Trainer(ml, Trainers.AdaHessian), numberOfFolds: 3);
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.Metrics.MacroAccuracy > 0.5, $"{r.Metrics.MacroAccuracy}"));

        var model = ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(l2Regularization: 1).Fit(keyed);
        var importance = ml.MulticlassClassification.PermutationFeatureImportance(model, keyed, permutationCount: 1);
        Assert.Equal(ThreeClassData.FeatureCount, importance.Length);
        Assert.Contains(importance, f => f.MacroAccuracy.Mean < 0);
    }

    private sealed class Predicted
    {
        public string PredictedLabel { get; set; } = "";
    }

    [Fact]
    public void MapKeyToValue_gives_the_string_labels_and_a_prediction_engine_predicts()
    {
        var ml = new MLContext(seed: 5);
        var rows = ThreeClassData.Rows(300, seed: 1);
        var model = ThreeClassData.ToKey(ml)
            .Append(ml.MulticlassClassification.Trainers.AdamMaximumEntropy(l2Regularization: 1))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(ThreeClassData.View(ml, rows));
        var predicted = ml.Data.CreateEnumerable<Predicted>(model.Transform(ThreeClassData.View(ml, rows)), false).ToList();
        Assert.All(predicted, p => Assert.Contains(p.PredictedLabel, ThreeClassData.Names));
        Assert.True(predicted.Zip(rows).Count(t => t.First.PredictedLabel == t.Second.Label) > rows.Length * 0.6);

        var engine = ml.Model.CreatePredictionEngine<ThreeClassData.Row, Predicted>(model);
        Assert.Equal(predicted[0].PredictedLabel, engine.Predict(rows[0]).PredictedLabel);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void A_label_that_is_not_a_key_is_named_in_the_error(string trainer)
    {
        var ml = new MLContext(seed: 5);
        var data = ThreeClassData.View(ml, ThreeClassData.Rows(30, seed: 1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer(ml, trainer).Fit(data));
        Assert.Equal("LabelColumnName", e.ParamName);
        Assert.Contains("'Label'", e.Message, StringComparison.Ordinal);
        Assert.Contains("MapValueToKey", e.Message, StringComparison.Ordinal);
        var shape = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer(ml, trainer).GetOutputSchema(AdaHessian.MLNet.Interop.MlNetBridge.CreateSchemaShape(data.Schema)));
        Assert.Equal(e.Message, shape.Message);
    }

    [Fact]
    public void Squared_error_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AdaHessianMaximumEntropyTrainer(new MLContext(), new AdaHessianMaximumEntropyTrainer.Options { Loss = AdaHessian.Objective.LossKind.SquaredError }));
        Assert.Equal("Loss", e.ParamName);
    }

    [Fact]
    public void Output_schema_has_a_score_vector_and_a_key_prediction_with_the_label_values()
    {
        var ml = new MLContext(seed: 5);
        var keyed = ThreeClassData.ToKey(ml).Fit(ThreeClassData.View(ml, ThreeClassData.Rows(30, seed: 1)))
            .Transform(ThreeClassData.View(ml, ThreeClassData.Rows(30, seed: 1)));
        var shape = ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy().GetOutputSchema(AdaHessian.MLNet.Interop.MlNetBridge.CreateSchemaShape(keyed.Schema));
        var score = shape.Single(c => c.Name == "Score");
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, score.Kind);
        var predicted = shape.Single(c => c.Name == "PredictedLabel");
        Assert.True(predicted.IsKey);
        Assert.Contains(predicted.Annotations, a => a.Name == "KeyValues");
    }
}
