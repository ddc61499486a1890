using AdaHessian.Objective;

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
    public const int BatchSize = 256;
    public const float Beta1 = 0.9f;
    public const float Beta2 = 0.999f;
    public const float WeightDecay = 0f;
    public const float L2Regularization = 1f;
    public const LossKind Loss = LossKind.LogLoss;
    public const bool Shuffle = true;
    public const float OptimizationTolerance = 0f;
    public const int EarlyStoppingRound = 5;
}
