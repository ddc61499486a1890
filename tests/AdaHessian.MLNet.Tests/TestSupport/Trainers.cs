using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet.Tests.TestSupport;

/// <summary>Builds either trainer by name, so a test can run on both.</summary>
internal static class Trainers
{
    public const string AdaHessian = nameof(AdaHessianTrainer);
    public const string Adam = nameof(AdamTrainer);

    public static TheoryData<string> Both => new() { AdaHessian, Adam };

    /// <summary>
    /// A trainer for small synthetic data: mini-batches of 32, exactly 30 epochs (no minimum number of steps), the
    /// automatic learning rate for AdaHessian and 0.05 for Adam (whose steps move each weight by about η, and the
    /// true weights here are of order 3), unless <paramref name="configure"/> changes them.
    /// </summary>
    public static ITrainerEstimator<BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>,
        CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> Create(string name, MLContext mlContext,
        Action<LogisticNeuronTrainerOptions>? configure = null)
    {
        LogisticNeuronTrainerOptions options = name switch
        {
            AdaHessian => new AdaHessianTrainer.Options(),
            Adam => new AdamTrainer.Options { LearningRate = 0.05f },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown trainer."),
        };
        options.BatchSize = 32;
        options.NumberOfEpochs = 30;
        options.MinimumNumberOfSteps = 0;
        configure?.Invoke(options);
        return options switch
        {
            AdaHessianTrainer.Options o => new AdaHessianTrainer(mlContext, o),
            AdamTrainer.Options o => new AdamTrainer(mlContext, o),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>Weights then bias of a fitted model.</summary>
    public static float[] Parameters(BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> model) =>
        [.. model.Model.SubModel.Weights, model.Model.SubModel.Bias];
}
