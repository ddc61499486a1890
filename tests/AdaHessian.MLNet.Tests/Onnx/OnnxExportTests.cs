using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AdaHessian.MLNet.Tests.Onnx;

/// <summary>
/// Both trainers' binary models, with the min-max normalisation in front of them as in the README, exported with
/// Microsoft.ML.OnnxConverter and scored by ONNX Runtime: Score, Probability and PredictedLabel agree with ML.NET's.
/// </summary>
public sealed class OnnxExportTests
{
    private const int FeatureCount = 6;
    private const double Tolerance = 1e-6;

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Exported_model_scores_as_MLNet_does(string trainer)
    {
        var mlContext = new MLContext(seed: 3);
        var train = SyntheticData.DenseView(mlContext, rows: 400, featureCount: FeatureCount, seed: 11);
        var testRows = SyntheticData.Dense(rows: 64, FeatureCount, seed: 12);
        var test = SyntheticData.Load(mlContext, testRows, FeatureCount);
        var catalog = mlContext.BinaryClassification.Trainers;
        var pipeline = mlContext.Transforms.NormalizeMinMax("Features")
            .Append<ITransformer>(trainer == Trainers.AdaHessian
                ? catalog.AdaHessian(numberOfEpochs: 10)
                : catalog.Adam(numberOfEpochs: 10, learningRate: 0.05f));
        var model = pipeline.Fit(train);
        var expected = mlContext.Data.CreateEnumerable<SyntheticData.ScoredRow>(model.Transform(test), reuseRowObject: false).ToList();

        using var onnx = new MemoryStream();
        mlContext.Model.ConvertToOnnx(model, train, onnx);
        using var session = new InferenceSession(onnx.ToArray());
        using var results = session.Run(Inputs(session, testRows));

        var score = Output(results, "Score");
        var probability = Output(results, "Probability");
        var predicted = results.Single(r => r.Name.StartsWith("PredictedLabel", StringComparison.Ordinal)).AsEnumerable<bool>().ToArray();
        Assert.Equal(testRows.Length, probability.Length);
        for (int i = 0; i < testRows.Length; i++)
        {
            Assert.Equal(expected[i].Probability, probability[i], Tolerance);
            Assert.Equal(expected[i].Score, score[i], Tolerance * Math.Max(1, Math.Abs(expected[i].Score)));
            Assert.Equal(expected[i].PredictedLabel, predicted[i]);
        }

        Assert.Contains(expected, r => r.Probability is > 0.05f and < 0.95f);
    }

    /// <summary>Feeds every graph input the export declared (Features, and the Label and Weight columns it carries along).</summary>
    private static List<NamedOnnxValue> Inputs(InferenceSession session, SyntheticData.DenseRow[] rows)
    {
        var inputs = new List<NamedOnnxValue>();
        foreach (var (name, meta) in session.InputMetadata)
        {
            inputs.Add(name switch
            {
                "Features" => NamedOnnxValue.CreateFromTensor(name,
                    new DenseTensor<float>(rows.SelectMany(r => r.Features).ToArray(), [rows.Length, FeatureCount])),
                "Label" => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<bool>(rows.Select(r => r.Label).ToArray(), [rows.Length, 1])),
                "Weight" => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(rows.Select(r => r.Weight).ToArray(), [rows.Length, 1])),
                _ => throw new InvalidOperationException($"Unexpected ONNX input {name} ({meta.ElementType})."),
            });
        }

        return inputs;
    }

    private static float[] Output(IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results, string column) =>
        results.Single(r => r.Name.StartsWith(column + ".", StringComparison.Ordinal) || r.Name == column).AsEnumerable<float>().ToArray();
}
