using System.Reflection;
using AdaHessian.MLNet.Interop;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet.Tests.Interop;

public sealed class MlNetBridgeTests
{
    private static readonly float[] W = [1f, -2f];
    private const float B = 0.5f;

    // Scores w·x + b: 0.5, -0.5, 4.5, -3.5, -7.25 (all exact in float). Labels agree with the score's sign.
    private static readonly InputRow[] Rows =
    [
        new() { Label = true, Features = [0f, 0f] },
        new() { Label = false, Features = [1f, 1f] },
        new() { Label = true, Features = [2f, -1f] },
        new() { Label = false, Features = [-3f, 0.5f] },
        new() { Label = false, Features = [0.25f, 4f] },
    ];

    [Fact]
    public void CreateLinearModel_keeps_a_copy_of_weights_and_bias_without_statistics()
    {
        var env = (IHostEnvironment)new MLContext(seed: 1);
        var values = new[] { 1f, -2f };
        var weights = new VBuffer<float>(2, values);

        var model = MlNetBridge.CreateLinearModel(env, weights, B);
        values[0] = 99f;

        Assert.Equal([1f, -2f], model.Weights);
        Assert.Equal(B, model.Bias);
        Assert.Null(model.Statistics);
    }

    [Fact]
    public void CreateMaximumEntropyModel_keeps_class_major_weights_biases_and_names()
    {
        var env = (IHostEnvironment)new MLContext(seed: 1);
        var model = MlNetBridge.CreateMaximumEntropyModel(env, [1f, 2f, -3f, 4f, 0f, 5f], [0.5f, -1f, 2f], featureCount: 2, ["a", "b", "c"]);
        VBuffer<float>[] weights = null!;
        model.GetWeights(ref weights, out int classes);
        Assert.Equal(3, classes);
        Assert.Equal([-3f, 4f], weights[1].DenseValues());
        Assert.Equal([0.5f, -1f, 2f], model.GetBiases());
        Assert.Null(model.Statistics);
        Assert.Throws<ArgumentOutOfRangeException>(() => MlNetBridge.CreateMaximumEntropyModel(env, [1f, 2f], [0f, 0f], featureCount: 2, null));
    }

    [Fact]
    public void CreateLinearModel_accepts_sparse_weights()
    {
        var env = (IHostEnvironment)new MLContext(seed: 1);
        var weights = new VBuffer<float>(3, 1, [2f], [1]);

        var model = MlNetBridge.CreateLinearModel(env, weights, -1f);

        Assert.Equal([0f, 2f, 0f], model.Weights);
        Assert.Equal(-1f, model.Bias);
    }

    [Theory]
    [InlineData(-1.0, 0.0)]
    [InlineData(2.0, 0.75)]
    public void CreatePlattCalibrator_maps_score_to_1_over_1_plus_exp_of_slope_score_plus_offset(double slope, double offset)
    {
        var env = (IHostEnvironment)new MLContext(seed: 1);

        var calibrator = MlNetBridge.CreatePlattCalibrator(env, slope, offset);

        Assert.Equal(slope, calibrator.Slope);
        Assert.Equal(offset, calibrator.Offset);
        foreach (var score in new[] { -7.25f, -0.5f, 0f, 0.5f, 4.5f })
        {
            var expected = 1.0 / (1.0 + Math.Exp((slope * score) + offset));
            Assert.Equal(expected, calibrator.PredictProbability(score), 1e-6);
        }
    }

    [Fact]
    public void CreateCalibratedModel_has_the_concrete_type_LbfgsLogisticRegression_produces()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows);
        var lbfgs = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data);

        var ours = BuildCalibrated(mlContext);
        var transformer = MlNetBridge.CreateBinaryPredictionTransformer(mlContext, ours, data.Schema, "Features");

        Assert.Equal(lbfgs.Model.GetType(), ours.GetType());
        Assert.Equal("ParameterMixingCalibratedModelParameters`2", ours.GetType().Name);
        Assert.Equal(lbfgs.GetType(), transformer.GetType());
        Assert.Equal(lbfgs.Model.SubModel.GetType(), ours.SubModel.GetType());
        Assert.Equal(lbfgs.Model.Calibrator.GetType(), ours.Calibrator.GetType());
        Assert.Equal(lbfgs.Model.Calibrator.Slope, ours.Calibrator.Slope);
        Assert.Equal(lbfgs.Model.Calibrator.Offset, ours.Calibrator.Offset);
    }

    [Fact]
    public void CreateBinaryPredictionTransformer_scores_w_dot_x_plus_b_with_sigmoid_probability_and_evaluates()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows);
        var transformer = MlNetBridge.CreateBinaryPredictionTransformer(mlContext, BuildCalibrated(mlContext), data.Schema, "Features");

        var scored = transformer.Transform(data);
        var output = mlContext.Data.CreateEnumerable<OutputRow>(scored, reuseRowObject: false).ToArray();

        Assert.Equal("Features", transformer.FeatureColumnName);
        Assert.Equal(Rows.Length, output.Length);
        for (var i = 0; i < Rows.Length; i++)
        {
            var x = Rows[i].Features;
            var score = ((double)W[0] * x[0]) + ((double)W[1] * x[1]) + B;
            Assert.Equal(score, output[i].Score, 1e-6);
            Assert.Equal(1.0 / (1.0 + Math.Exp(-score)), output[i].Probability, 1e-6);
            Assert.Equal(score > 0, output[i].PredictedLabel);
        }

        var metrics = mlContext.BinaryClassification.Evaluate(scored);
        Assert.Equal(1.0, metrics.AreaUnderRocCurve);
        Assert.True(double.IsFinite(metrics.LogLoss));
    }

    [Fact]
    public void CreateBinaryPredictionTransformer_applies_threshold_to_the_threshold_column()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows);
        var transformer = MlNetBridge.CreateBinaryPredictionTransformer(
            mlContext, BuildCalibrated(mlContext), data.Schema, "Features", threshold: 1f, thresholdColumn: "Score");

        var output = mlContext.Data.CreateEnumerable<OutputRow>(transformer.Transform(data), reuseRowObject: false).ToArray();

        Assert.Equal([false, false, true, false, false], output.Select(o => o.PredictedLabel));
    }

    [Fact]
    public void CreateBinaryPredictionTransformer_round_trips_through_Model_Save_and_Load_in_a_new_context()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows);
        var transformer = MlNetBridge.CreateBinaryPredictionTransformer(mlContext, BuildCalibrated(mlContext), data.Schema, "Features");
        using var stream = new MemoryStream();
        mlContext.Model.Save(transformer, data.Schema, stream);
        stream.Position = 0;

        var fresh = new MLContext(seed: 2);
        var loaded = fresh.Model.Load(stream, out var loadedSchema);
        var freshData = fresh.Data.LoadFromEnumerable(Rows);

        var before = mlContext.Data.CreateEnumerable<OutputRow>(transformer.Transform(data), reuseRowObject: false).ToArray();
        var after = fresh.Data.CreateEnumerable<OutputRow>(loaded.Transform(freshData), reuseRowObject: false).ToArray();
        Assert.NotNull(loadedSchema.GetColumnOrNull("Features"));
        Assert.Equal(before.Length, after.Length);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(before[i].Score), BitConverter.SingleToInt32Bits(after[i].Score));
            Assert.Equal(BitConverter.SingleToInt32Bits(before[i].Probability), BitConverter.SingleToInt32Bits(after[i].Probability));
            Assert.Equal(before[i].PredictedLabel, after[i].PredictedLabel);
        }
    }

    [Fact]
    public void GetEnvironment_returns_the_context_environment_of_binary_and_multiclass_catalogs()
    {
        var mlContext = new MLContext(seed: 1);
        var other = new MLContext(seed: 1);
        var messages = new List<string>();
        var otherMessages = new List<string>();
        mlContext.Log += (_, e) => { lock (messages) messages.Add(e.Message); };
        other.Log += (_, e) => { lock (otherMessages) otherMessages.Add(e.Message); };

        var catalogs = new TrainCatalogBase.CatalogInstantiatorBase[]
        {
            mlContext.BinaryClassification.Trainers,
            mlContext.MulticlassClassification.Trainers,
        };
        foreach (var catalog in catalogs)
        {
            var env = MlNetBridge.GetEnvironment(catalog);
            Assert.NotNull(env);
            var host = env.Register("BridgeProbe");
            using var ch = host.Start("Probe");
            ch.Info(MessageSensitivity.None, "hello from {0}", catalog.GetType().Name);
        }

        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("hello from BinaryClassificationTrainers", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("hello from MulticlassClassificationTrainers", StringComparison.Ordinal));
        }

        lock (otherMessages)
        {
            Assert.DoesNotContain(otherMessages, m => m.Contains("hello from", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void CreateTrainerInfo_sets_normalization_and_caching_flags(bool normalization, bool caching)
    {
        var info = MlNetBridge.CreateTrainerInfo(normalization, caching);

        Assert.Equal(normalization, info.NeedNormalization);
        Assert.Equal(caching, info.WantCaching);
    }

    [Fact]
    public void CreateTrainerInfo_defaults_to_normalization_without_caching()
    {
        var info = MlNetBridge.CreateTrainerInfo();

        Assert.True(info.NeedNormalization);
        Assert.False(info.WantCaching);
    }

    [Fact]
    public void GetSeed_returns_the_MLContext_seed_for_the_context_and_its_hosts()
    {
        var seeded = new MLContext(seed: 42);
        var unseeded = new MLContext();

        Assert.Equal(42, MlNetBridge.GetSeed(seeded));
        Assert.Equal(42, MlNetBridge.GetSeed(((IHostEnvironment)seeded).Register("probe")));
        Assert.Equal(42, MlNetBridge.GetSeed(MlNetBridge.GetEnvironment(seeded.BinaryClassification.Trainers)));
        Assert.Null(MlNetBridge.GetSeed(unseeded));
    }

    [Fact]
    public void CreateSchemaShape_describes_the_columns_of_a_schema()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows);

        var shape = MlNetBridge.CreateSchemaShape(data.Schema);

        Assert.Equal(["Label", "Features"], shape.Select(c => c.Name));
        Assert.Equal((SchemaShape.Column.VectorKind.Scalar, (DataViewType)BooleanDataViewType.Instance), (shape[0].Kind, shape[0].ItemType));
        Assert.Equal((SchemaShape.Column.VectorKind.Vector, (DataViewType)NumberDataViewType.Single), (shape[1].Kind, shape[1].ItemType));
    }

    [Fact]
    public void CreateColumn_sets_every_property()
    {
        var annotations = MlNetBridge.GetTrainerOutputAnnotations();

        var column = MlNetBridge.CreateColumn("Score", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, false, annotations);

        Assert.Equal("Score", column.Name);
        Assert.Equal(SchemaShape.Column.VectorKind.Scalar, column.Kind);
        Assert.Equal(NumberDataViewType.Single, column.ItemType);
        Assert.False(column.IsKey);
        Assert.Equal(annotations.Select(a => a.Name), column.Annotations.Select(a => a.Name));
    }

    [Fact]
    public void GetTrainerOutputAnnotations_match_those_on_LbfgsLogisticRegression_outputs()
    {
        var mlContext = new MLContext(seed: 1);
        var input = MlNetBridge.CreateSchemaShape(mlContext.Data.LoadFromEnumerable(Rows).Schema);
        var output = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression().GetOutputSchema(input);

        static string[] Names(SchemaShape s) => [.. s.Select(a => $"{a.Name}:{a.Kind}:{a.ItemType}:{a.IsKey}")];

        Assert.Equal(Names(output.Single(c => c.Name == "Score").Annotations), Names(MlNetBridge.GetTrainerOutputAnnotations()));
        Assert.Equal(Names(output.Single(c => c.Name == "Probability").Annotations), Names(MlNetBridge.GetTrainerOutputAnnotations(isNormalized: true)));
    }

    private static CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> BuildCalibrated(MLContext mlContext)
    {
        var linear = MlNetBridge.CreateLinearModel(mlContext, new VBuffer<float>(W.Length, W.ToArray()), B);
        var platt = MlNetBridge.CreatePlattCalibrator(mlContext, slope: -1, offset: 0);
        var calibrated = MlNetBridge.CreateCalibratedModel(mlContext, linear, platt);
        Assert.Same(linear, calibrated.SubModel);
        Assert.Same(platt, calibrated.Calibrator);
        return calibrated;
    }

    [Fact]
    public void IsCancellationRequested_follows_the_contexts_CancelExecution_and_reaches_registered_hosts()
    {
        var ml = new MLContext(seed: 1);
        IHost host = ((IHostEnvironment)ml).Register("child");
        Assert.False(MlNetBridge.IsCancellationRequested(ml));
        Assert.False(MlNetBridge.IsCancellationRequested(host));

        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.Invoke(ml, null);

        Assert.True(MlNetBridge.IsCancellationRequested(host));
        Assert.True(MlNetBridge.IsCancellationRequested(((IHostEnvironment)ml).Register("later")));
    }

    private sealed class InputRow
    {
        public bool Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    private sealed class OutputRow
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
