using AdaHessian.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>
/// The six rows of every dataset: ML.NET's two maximum-entropy trainers (L-BFGS at L2 = 1, SDCA at its defaults), the
/// cross-validated L-BFGS, and the softmax trainers of this package at their defaults (L2 chosen automatically) and,
/// for AdaHessian, at L2 = 1.
/// </summary>
internal static class MulticlassSuiteMethods
{
    /// <summary>LbfgsMaximumEntropy at L1 = 0, L2 = 1.</summary>
    public const string LbfgsFixed = "LbfgsMaximumEntropy, L2 = 1";

    /// <summary>SdcaMaximumEntropy at its defaults.</summary>
    public const string Sdca = "SdcaMaximumEntropy, defaults";

    /// <summary>LbfgsMaximumEntropy with L2 chosen by cross-validation.</summary>
    public const string LbfgsCrossValidated = "LbfgsMaximumEntropy, CV L2";

    /// <summary>AdaHessianMaximumEntropy at its defaults: the row the targets are about.</summary>
    public const string AdaHessianDefaults = "AdaHessianMaximumEntropy, defaults";

    /// <summary>AdaHessianMaximumEntropy at its defaults but L2 = 1.</summary>
    public const string AdaHessianFixed = "AdaHessianMaximumEntropy, L2 = 1";

    /// <summary>AdamMaximumEntropy at its defaults.</summary>
    public const string AdamDefaults = "AdamMaximumEntropy, defaults";

    /// <summary>The L2 strength of the fixed rows (ML.NET's default for L-BFGS).</summary>
    public const float FixedL2 = 1f;

    /// <summary>Every method, in table order.</summary>
    public static IReadOnlyList<IMulticlassMethod> All { get; } =
    [
        new TimedMulticlassTrainer(LbfgsFixed, "LbfgsMaximumEntropy, defaults but L1Regularization = 0, L2Regularization = 1",
            ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = 0, L2Regularization = FixedL2,
            }), FixedL2),
        new TimedMulticlassTrainer(Sdca, "SdcaMaximumEntropy, all defaults (its own L2, for its own objective)",
            ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(), null),
        new CrossValidatedMethod(),
        new TimedMulticlassTrainer(AdaHessianDefaults, "AdaHessianMaximumEntropyTrainer, all defaults (L2 chosen automatically before the fit)",
            ml => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(), null),
        new TimedMulticlassTrainer(AdaHessianFixed, "AdaHessianMaximumEntropyTrainer, defaults but L2Regularization = 1",
            ml => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(
                new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = FixedL2 }), FixedL2),
        new TimedMulticlassTrainer(AdamDefaults, "AdamMaximumEntropyTrainer, all defaults (L2 chosen automatically before the fit)",
            ml => ml.MulticlassClassification.Trainers.AdamMaximumEntropy(), null),
    ];
}
