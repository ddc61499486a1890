using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Regularization;

namespace AdaHessian.MLNet;

/// <summary>
/// The defaults both trainers share; each trainer's own are in its <c>Defaults</c> class. Each option's documentation
/// states its default for users, and the core's settings have the same defaults (a test checks it).
/// </summary>
internal static class SharedDefaults
{
    public const string LabelColumnName = "Label";
    public const string FeatureColumnName = "Features";
    public const int NumberOfEpochs = 30;
    public const float Beta1 = 0.9f;
    public const float Beta2 = 0.999f;
    public const float WeightDecay = 0f;
    public const L2Method L2Selection = L2Method.CrossValidation;
    public const LossKind Loss = LossKind.LogLoss;
    public const bool Shuffle = true;
    public const float OptimizationTolerance = 1e-6f;
    public const int MinimumNumberOfSteps = 2000;
    public const LearningRateDecay LearningRateDecay = Optimizers.LearningRateDecay.Cosine;
    public const bool CenterFeatures = true;
    public const int EarlyStoppingRound = 5;
    public const DataLoading DataLoading = MLNet.DataLoading.Automatic;
    public const int StreamingBufferMegabytes = 16;
}
