using AdaHessian.Curvature;
using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>The options only AdaHessian has reach its optimizer.</summary>
public sealed class AdaHessianTrainerTests
{
    public static TheoryData<string, Action<AdaHessianTrainer.Options>> CurvatureSettings => new()
    {
        { "HessianPower", o => o.HessianPower = 0.5f },
        { "Curvature", o => o.Curvature = CurvatureKind.Hutchinson },
        { "HutchinsonSamples", o => { o.Curvature = CurvatureKind.Hutchinson; o.HutchinsonSamples = 4; } },
        { "SpatialAverageBlockSize", o => o.SpatialAverageBlockSize = 3 },
        { "HessianUpdateInterval", o => o.HessianUpdateInterval = 5 },
        { "Epsilon", o => o.Epsilon = 1e-2f },
    };

    [Theory]
    [MemberData(nameof(CurvatureSettings))]
    public void Each_curvature_setting_changes_the_model_and_still_learns(string option, Action<AdaHessianTrainer.Options> change)
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml);
        var changed = new AdaHessianTrainer.Options { BatchSize = 32 };
        change(changed);

        var reference = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { BatchSize = 32 }).Fit(data);
        var model = new AdaHessianTrainer(ml, changed).Fit(data);

        Assert.NotEqual(Trainers.Parameters(reference), Trainers.Parameters(model));
        Assert.True(ml.BinaryClassification.Evaluate(model.Transform(data)).AreaUnderRocCurve > 0.8, option);
    }

    [Fact]
    public void The_log_names_the_curvature_estimate()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) =>
        {
            lock (messages)
            {
                messages.Add(e.Message);
            }
        };

        new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { NumberOfEpochs = 1, Curvature = CurvatureKind.ExactDiagonal }).Fit(DenseView(ml));

        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("AdaHessianTrainer: AdaHessian exact (k=1), η ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Default_options_learn_synthetic_data()
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml, rows: 300);

        var model = new AdaHessianTrainer(ml).Fit(data);

        Assert.True(ml.BinaryClassification.Evaluate(model.Transform(data)).AreaUnderRocCurve > 0.8);
    }
}
