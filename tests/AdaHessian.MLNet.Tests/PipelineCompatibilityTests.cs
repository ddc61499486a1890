using AdaHessian.MLNet.Interop;
using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>
/// The drop-in promise: where a pipeline uses LbfgsLogisticRegression, either trainer works unchanged with ML.NET's
/// evaluation, persistence, cross-validation, one-versus-all, feature importance and feature contributions.
/// </summary>
public sealed class PipelineCompatibilityTests
{
    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void BinaryClassification_Evaluate_reports_calibrated_metrics(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var train = DenseView(ml, seed: 1);
        var test = DenseView(ml, seed: 2);

        var normalize = ml.Transforms.NormalizeMinMax("Features");
        var lbfgs = normalize.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l1Regularization: 0, l2Regularization: 1));

        var metrics = ml.BinaryClassification.Evaluate(normalize.Append(Trainers.Create(trainer, ml)).Fit(train).Transform(test));
        var reference = ml.BinaryClassification.Evaluate(lbfgs.Fit(train).Transform(test));

        Assert.InRange(metrics.AreaUnderRocCurve, reference.AreaUnderRocCurve - 0.01, 1.0);
        Assert.InRange(metrics.LogLoss, 0.0, reference.LogLoss * 1.02);
        Assert.InRange(metrics.LogLossReduction, reference.LogLossReduction - 0.02, 1.0);
        Assert.InRange(metrics.Accuracy, reference.Accuracy - 0.02, 1.0);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Model_Save_then_Load_in_a_fresh_MLContext_scores_bitwise_identically(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml);
        var model = ml.Transforms.NormalizeMinMax("Features").Append(Trainers.Create(trainer, ml)).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        var fresh = new MLContext(seed: 99);
        var loaded = fresh.Model.Load(stream, out _);
        var freshData = DenseView(fresh);

        var before = ml.Data.CreateEnumerable<ScoredRow>(model.Transform(data), reuseRowObject: false).ToArray();
        var after = fresh.Data.CreateEnumerable<ScoredRow>(loaded.Transform(freshData), reuseRowObject: false).ToArray();
        Assert.Equal(before.Length, after.Length);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(before[i].Score), BitConverter.SingleToInt32Bits(after[i].Score));
            Assert.Equal(BitConverter.SingleToInt32Bits(before[i].Probability), BitConverter.SingleToInt32Bits(after[i].Probability));
            Assert.Equal(before[i].PredictedLabel, after[i].PredictedLabel);
        }
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void CrossValidate_returns_calibrated_metrics_for_every_fold(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml, rows: 600);

        var folds = ml.BinaryClassification.CrossValidate(data, Trainers.Create(trainer, ml), numberOfFolds: 3);

        Assert.Equal(3, folds.Count);
        Assert.All(folds, f =>
        {
            Assert.InRange(f.Metrics.AreaUnderRocCurve, 0.7, 1.0);
            Assert.True(double.IsFinite(f.Metrics.LogLoss));
        });
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void OneVersusAll_trains_a_multiclass_model(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(ThreeBlobs(300, seed: 4));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.OneVersusAll(Trainers.Create(trainer, ml)));

        var model = pipeline.Fit(data);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(ThreeBlobs(300, seed: 5))));

        Assert.True(metrics.MicroAccuracy > 0.9, $"micro-accuracy {metrics.MicroAccuracy}");
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void PermutationFeatureImportance_ranks_the_heaviest_true_weight_first(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml, rows: 600);
        var model = Trainers.Create(trainer, ml).Fit(data);

        var importance = ml.BinaryClassification.PermutationFeatureImportance(model, data, permutationCount: 1);

        Assert.Equal(6, importance.Length);
        var drops = importance.Select(m => m.AreaUnderRocCurve.Mean).ToArray();
        Assert.Equal(0, Array.IndexOf(drops, drops.Min()));
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void CalculateFeatureContribution_gives_weight_times_feature(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var rows = Dense(100, 6, seed: 8);
        var data = Load(ml, rows, 6);
        var model = Trainers.Create(trainer, ml).Fit(data);

        var contributions = ml.Transforms.CalculateFeatureContribution(model, normalize: false).Fit(data).Transform(data);
        var first = ml.Data.CreateEnumerable<ContributionRow>(contributions, reuseRowObject: false).First();

        var w = model.Model.SubModel.Weights.ToArray();
        for (int j = 0; j < 6; j++)
        {
            Assert.Equal(w[j] * rows[0].Features[j], first.FeatureContributions[j], 1e-5);
        }
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void GetOutputSchema_of_a_pipeline_matches_LbfgsLogisticRegression(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var input = MlNetBridge.CreateSchemaShape(DenseView(ml).Schema);
        var normalize = ml.Transforms.NormalizeMinMax("Features");

        var ours = normalize.Append(Trainers.Create(trainer, ml)).GetOutputSchema(input);
        var lbfgs = normalize.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()).GetOutputSchema(input);

        Assert.Equal(Describe(lbfgs), Describe(ours));
        Assert.Contains(ours, c => c.Name == "Probability");
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void GetOutputSchema_agrees_with_the_schema_of_the_fitted_pipeline(string trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml);
        var pipeline = ml.Transforms.NormalizeMinMax("Features").Append(Trainers.Create(trainer, ml));

        var predicted = pipeline.GetOutputSchema(MlNetBridge.CreateSchemaShape(data.Schema));
        var actual = MlNetBridge.CreateSchemaShape(pipeline.Fit(data).Transform(data).Schema);

        Assert.Equal(Describe(actual), Describe(predicted));
    }

    private static string[] Describe(SchemaShape shape) => shape
        .Select(c => $"{c.Name}:{c.Kind}:{c.ItemType}:{c.IsKey}:[{string.Join(",", c.Annotations.Select(a => $"{a.Name}:{a.Kind}:{a.ItemType}:{a.IsKey}").Order())}]")
        .Order()
        .ToArray();

    // Three well-separated blobs in the unit square, labelled 0, 1, 2.
    private static BlobRow[] ThreeBlobs(int rows, int seed)
    {
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(seed, threadSafe: false);
        float[][] centres = [[0.2f, 0.2f], [0.8f, 0.2f], [0.5f, 0.8f]];
        return Enumerable.Range(0, rows).Select(i =>
        {
            var c = centres[i % 3];
            return new BlobRow
            {
                Label = (uint)(i % 3),
                Features = [c[0] + (float)((random.NextDouble() - 0.5) * 0.3), c[1] + (float)((random.NextDouble() - 0.5) * 0.3)],
            };
        }).ToArray();
    }

    private sealed class BlobRow
    {
        public uint Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    private sealed class ContributionRow
    {
        public float[] FeatureContributions { get; set; } = [];
    }
}
