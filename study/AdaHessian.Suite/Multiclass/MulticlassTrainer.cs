using AdaHessian.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Multiclass;

/// <summary>One multiclass trainer of the comparison, created from a fresh MLContext's catalog as a user would.</summary>
/// <param name="Name">Short name for the table.</param>
/// <param name="Settings">What it is run with.</param>
/// <param name="Create">The estimator (the label is a key already).</param>
internal sealed record MulticlassTrainer(string Name, string Settings, Func<MLContext, IEstimator<ITransformer>> Create)
{
    /// <summary>The softmax AdaHessian at L2 = 1, the row every ratio is about.</summary>
    public const string AdaHessian = "AdaHessianMaximumEntropy, L2 = 1";

    /// <summary>ML.NET's maximum-entropy L-BFGS at L2 = 1, the baseline.</summary>
    public const string Lbfgs = "LbfgsMaximumEntropy, L2 = 1";

    /// <summary>One-versus-all binary AdaHessian at L2 = 1.</summary>
    public const string OneVersusAll = "OneVersusAll(AdaHessian), L2 = 1";

    /// <summary>The trainers, in table order.</summary>
    public static IReadOnlyList<MulticlassTrainer> All { get; } =
    [
        new(Lbfgs, "LbfgsMaximumEntropy, L1Regularization = 0, L2Regularization = 1",
            ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = 0, L2Regularization = 1,
            })),
        new(AdaHessian, "AdaHessianMaximumEntropyTrainer, defaults but L2Regularization = 1",
            ml => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1 })),
        new("AdaHessianMaximumEntropy, defaults", "AdaHessianMaximumEntropyTrainer, all defaults (L2 chosen by cross-validation)",
            ml => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy()),
        new("AdamMaximumEntropy, L2 = 1", "AdamMaximumEntropyTrainer, defaults but L2Regularization = 1",
            ml => ml.MulticlassClassification.Trainers.AdamMaximumEntropy(new AdamMaximumEntropyTrainer.Options { L2Regularization = 1 })),
        new(OneVersusAll, "OneVersusAll over AdaHessianTrainer, defaults but L2Regularization = 1",
            ml => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.AdaHessian(
                new AdaHessianTrainer.Options { L2Regularization = 1 }))),
        new("SdcaMaximumEntropy, defaults", "SdcaMaximumEntropy, all defaults (its own L2)",
            ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
    ];
}
