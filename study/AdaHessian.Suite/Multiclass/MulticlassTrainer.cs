using AdaHessian.MLNet;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Multiclass;

/// <summary>One multiclass trainer of the comparison, created from a fresh MLContext's catalog as a user would.</summary>
/// <param name="Name">Short name for the table.</param>
/// <param name="Settings">What it is run with.</param>
/// <param name="Create">The estimator (the label is a key already), reporting every epoch to the observer when it can.</param>
internal sealed record MulticlassTrainer(string Name, string Settings, Func<MLContext, IProgress<TrainingProgress>, IEstimator<ITransformer>> Create)
{
    /// <summary>The softmax AdaHessian at L2 = 1, the row every ratio is about.</summary>
    public const string AdaHessian = "AdaHessianMaximumEntropy, L2 = 1";

    /// <summary>The softmax AdaHessian at its defaults, whose confusion matrix the figure shows.</summary>
    public const string AdaHessianDefaults = "AdaHessianMaximumEntropy, defaults";

    /// <summary>The softmax Adam at L2 = 1.</summary>
    public const string Adam = "AdamMaximumEntropy, L2 = 1";

    /// <summary>ML.NET's maximum-entropy L-BFGS at L2 = 1, the baseline.</summary>
    public const string Lbfgs = "LbfgsMaximumEntropy, L2 = 1";

    /// <summary>One-versus-all binary AdaHessian at L2 = 1.</summary>
    public const string OneVersusAll = "OneVersusAll(AdaHessian), L2 = 1";

    /// <summary>ML.NET's SDCA maximum entropy at its defaults.</summary>
    public const string Sdca = "SdcaMaximumEntropy, defaults";

    /// <summary>λ of the objective whose gap the table shows (the softmax trainers at L2 = 1 all minimise it).</summary>
    public const double L2 = 1;

    /// <summary>The trainers, in table order.</summary>
    public static IReadOnlyList<MulticlassTrainer> All { get; } =
    [
        new(Lbfgs, "LbfgsMaximumEntropy, L1Regularization = 0, L2Regularization = 1",
            (ml, _) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = 0, L2Regularization = (float)L2,
            })),
        new(AdaHessian, "AdaHessianMaximumEntropyTrainer, defaults but L2Regularization = 1",
            (ml, observer) => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(
                new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = (float)L2, Observer = observer })),
        new(AdaHessianDefaults, "AdaHessianMaximumEntropyTrainer, all defaults (L2 chosen by cross-validation)",
            (ml, observer) => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(
                new AdaHessianMaximumEntropyTrainer.Options { Observer = observer })),
        new(Adam, "AdamMaximumEntropyTrainer, defaults but L2Regularization = 1",
            (ml, observer) => ml.MulticlassClassification.Trainers.AdamMaximumEntropy(
                new AdamMaximumEntropyTrainer.Options { L2Regularization = (float)L2, Observer = observer })),
        new(OneVersusAll, "OneVersusAll over AdaHessianTrainer, defaults but L2Regularization = 1",
            (ml, _) => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.AdaHessian(
                new AdaHessianTrainer.Options { L2Regularization = (float)L2 }))),
        new(Sdca, "SdcaMaximumEntropy, all defaults (its own L2)",
            (ml, _) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
    ];

    /// <summary>Whether the trainer minimises the softmax objective at <see cref="L2"/> (so its gap to F* means something).</summary>
    public bool FitsComparedObjective => Name is Lbfgs or AdaHessian or Adam;
}
