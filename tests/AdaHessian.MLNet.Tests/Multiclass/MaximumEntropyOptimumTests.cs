using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet.Tests.Multiclass;

/// <summary>
/// Where the multiclass trainers end: against the zero model and LbfgsMaximumEntropy's optimum of the same objective,
/// for any thread count, with the automatic L2, with classes absent from the data, and exported to ONNX.
/// </summary>
public sealed class MaximumEntropyOptimumTests
{
    private static MaximumEntropyModelParameters Fit(MLContext ml, IDataView train, IEstimator<ITransformer> trainer) =>
        ((TransformerChain<ITransformer>)ThreeClassData.ToKey(ml).Append(trainer).Fit(train))
            .OfType<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>().Single().Model;

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Objective_is_below_the_zero_model_and_at_LbfgsMaximumEntropys_optimum(string trainer)
    {
        var ml = new MLContext(seed: 5);
        var rows = ThreeClassData.Rows(300, seed: 1);
        var train = ThreeClassData.View(ml, rows);
        var catalog = ml.MulticlassClassification.Trainers;
        var lbfgs = Fit(ml, train, catalog.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = 1,
            OptimizationTolerance = 1e-12f,
            MaximumNumberOfIterations = 10_000,
        }));
        IEstimator<ITransformer> ours = trainer == Trainers.AdaHessian
            ? catalog.AdaHessianMaximumEntropy(new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1, MinimumNumberOfSteps = 4000, OptimizationTolerance = 0 })
            : catalog.AdamMaximumEntropy(new AdamMaximumEntropyTrainer.Options { L2Regularization = 1, MinimumNumberOfSteps = 4000, OptimizationTolerance = 0 });
        double optimum = ThreeClassData.Objective(lbfgs, rows, l2: 1);
        double objective = ThreeClassData.Objective(Fit(ml, train, ours), rows, l2: 1);
        Assert.True(objective < Math.Log(3) * 0.9, $"objective {objective} vs ln 3 = {Math.Log(3)}");
        Assert.True((objective - optimum) / optimum <= 1e-3, $"objective {objective:G8}, L-BFGS {optimum:G8}");
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Thread_count_does_not_change_the_model(string trainer)
    {
        var rows = ThreeClassData.Rows(5000, seed: 4);
        float[] Run(int threads)
        {
            var ml = new MLContext(seed: 5);
            var catalog = ml.MulticlassClassification.Trainers;
            IEstimator<ITransformer> estimator = trainer == Trainers.AdaHessian
                ? catalog.AdaHessianMaximumEntropy(new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1, NumberOfThreads = threads, NumberOfEpochs = 3, MinimumNumberOfSteps = 0, BatchSize = 1024 })
                : catalog.AdamMaximumEntropy(new AdamMaximumEntropyTrainer.Options { L2Regularization = 1, NumberOfThreads = threads, NumberOfEpochs = 3, MinimumNumberOfSteps = 0, BatchSize = 1024 });
            var model = Fit(ml, ThreeClassData.View(ml, rows), estimator);
            (double[][] w, double[] b) = ThreeClassData.Parameters(model);
            return [.. w.SelectMany(v => v).Concat(b).Select(v => (float)v)];
        }

        float[] one = Run(1), two = Run(2);
        Assert.Equal(one.Select(BitConverter.SingleToInt32Bits), two.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Automatic_L2_is_chosen_and_logged()
    {
        var ml = new MLContext(seed: 5);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var trainer = ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy();
        var train = ThreeClassData.ToKey(ml).Fit(ThreeClassData.View(ml, ThreeClassData.Rows(300, seed: 1)))
            .Transform(ThreeClassData.View(ml, ThreeClassData.Rows(300, seed: 1)));
        trainer.Fit(train);
        var choice = Assert.IsType<AdaHessian.Regularization.L2Choice>(trainer.LastL2Choice);
        Assert.True(choice.L2Regularization > 0);
        Assert.Contains(messages, m => m.Contains(nameof(AdaHessianMaximumEntropyTrainer), StringComparison.Ordinal)
            && m.Contains(choice.Describe(), StringComparison.Ordinal));
    }

    private static readonly string[] FourNames = ["cat", "dog", "emu", "fox"];

    private static MulticlassPredictionTransformer<MaximumEntropyModelParameters> FitOnKeyOfFour(MLContext ml, ThreeClassData.Row[] rows) =>
        ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(l2Regularization: 1).Fit(
            ml.Transforms.Conversion.MapValueToKey("Label", keyData: ml.Data.LoadFromEnumerable(FourNames.Select(n => new { Label = n })))
                .Fit(ThreeClassData.View(ml, rows)).Transform(ThreeClassData.View(ml, rows)));

    [Fact]
    public void A_class_absent_from_the_data_gets_probability_zero()
    {
        var ml = new MLContext(seed: 5);
        var rows = ThreeClassData.Rows(300, seed: 1, names: ["cat", "emu", "fox"]);
        var model = FitOnKeyOfFour(ml, rows);
        (double[][] w, double[] b) = ThreeClassData.Parameters(model.Model);
        Assert.Equal(4, b.Length);
        Assert.All(w[1], v => Assert.Equal(0, v));
        Assert.Equal(MaximumEntropyTrainerBase<AdaHessianMaximumEntropyTrainer.Options>.AbsentClassBias, (float)b[1]);
        Assert.All(rows, r => Assert.Equal(0, ThreeClassData.Softmax(w, b, r.Features)[1]));
        Assert.All(new[] { 0, 2, 3 }, k => Assert.NotEqual(0, b[k]));
    }

    [Fact]
    public void One_class_is_predicted_with_probability_one()
    {
        var ml = new MLContext(seed: 5);
        var rows = ThreeClassData.Rows(50, seed: 1, names: ["dog"]);
        var model = FitOnKeyOfFour(ml, rows);
        (double[][] w, double[] b) = ThreeClassData.Parameters(model.Model);
        Assert.All(w.SelectMany(v => v), v => Assert.Equal(0, v));
        Assert.Equal(0, b[1]);
        Assert.All(rows, r => Assert.Equal(1, ThreeClassData.Softmax(w, b, r.Features)[1]));
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Exported_model_scores_as_MLNet_does(string trainer)
    {
        var ml = new MLContext(seed: 5);
        var train = ThreeClassData.View(ml, ThreeClassData.Rows(300, seed: 1));
        var testRows = ThreeClassData.Rows(64, seed: 2);
        var catalog = ml.MulticlassClassification.Trainers;
        var model = ThreeClassData.ToKey(ml).Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append<ITransformer>(trainer == Trainers.AdaHessian
                ? catalog.AdaHessianMaximumEntropy(l2Regularization: 1)
                : catalog.AdamMaximumEntropy(l2Regularization: 1))
            .Fit(train);
        var expected = ml.Data.CreateEnumerable<ThreeClassData.Scored>(model.Transform(ThreeClassData.View(ml, testRows)), false).ToList();

        using var onnx = new MemoryStream();
        ml.Model.ConvertToOnnx(model, train, onnx);
        using var session = new InferenceSession(onnx.ToArray());
        var inputs = session.InputMetadata.Keys.Select(name => name switch
        {
            "Features" => NamedOnnxValue.CreateFromTensor(name,
                new DenseTensor<float>(testRows.SelectMany(r => r.Features).ToArray(), [testRows.Length, ThreeClassData.FeatureCount])),
            "Label" => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(testRows.Select(r => r.Label).ToArray(), [testRows.Length, 1])),
            _ => throw new InvalidOperationException($"Unexpected ONNX input {name}."),
        }).ToList();
        using var results = session.Run(inputs);
        float[] score = results.Single(r => r.Name.StartsWith("Score", StringComparison.Ordinal)).AsEnumerable<float>().ToArray();
        Assert.Equal(testRows.Length * 3, score.Length);
        for (int i = 0; i < testRows.Length; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(expected[i].Score[k], score[i * 3 + k], 1e-6);
            }
        }
    }
}
