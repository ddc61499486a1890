using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Multiclass;

/// <summary>The tight reference for F*: LbfgsMaximumEntropy at the comparison's L2 with a very small tolerance.</summary>
internal static class ReferenceFit
{
    /// <summary>The relative tolerance of the reference fit (ML.NET's default is 1e-7).</summary>
    public const float Tolerance = 1e-10f;

    /// <summary>The iteration cap of the reference fit.</summary>
    public const int MaximumIterations = 10_000;

    /// <summary>How the report names it.</summary>
    public static string Settings =>
        $"LbfgsMaximumEntropy, L1Regularization = 0, L2Regularization = {MulticlassTrainer.L2:0.###}, OptimizationTolerance = {Tolerance:0e0}, MaximumNumberOfIterations = {MaximumIterations:N0}";

    /// <summary>The reference trainer.</summary>
    public static MulticlassTrainer Trainer { get; } = new("reference", Settings,
        (ml, _) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = (float)MulticlassTrainer.L2,
            OptimizationTolerance = Tolerance,
            MaximumNumberOfIterations = MaximumIterations,
        }));
}
