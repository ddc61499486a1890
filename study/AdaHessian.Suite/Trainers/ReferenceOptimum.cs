using AdaHessian.Suite.Metrics;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Trainers;

/// <summary>The tight reference for F*: LbfgsLogisticRegression with L2 = 1, L1 = 0, tolerance 1e-10, a high iteration cap.</summary>
internal static class ReferenceOptimum
{
    /// <summary>The relative tolerance of the reference fit.</summary>
    public const float Tolerance = 1e-10f;

    /// <summary>The iteration cap of the reference fit.</summary>
    public const int MaximumIterations = 100_000;

    /// <summary>The reference trainer.</summary>
    public static SuiteTrainer Trainer { get; } = new("reference",
        $"LbfgsLogisticRegression, L1 = 0, L2 = 1, OptimizationTolerance = {Tolerance:0e0}, MaximumNumberOfIterations = {MaximumIterations:N0}",
        ml => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = TrainerRegistry.L2,
            OptimizationTolerance = Tolerance,
            MaximumNumberOfIterations = MaximumIterations,
        }));

    /// <summary>The reference model on <paramref name="train"/>.</summary>
    public static LinearModel Fit(IDataView train) => Trainer.Fit(new MLContext(seed: 0), train);
}
