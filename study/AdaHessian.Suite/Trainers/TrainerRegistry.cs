using System.Text.RegularExpressions;
using AdaHessian.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Trainers;

/// <summary>
/// The four trainers, each at its defaults but for the regularisation: L2 = λ = 1 and L1 = 0 where a trainer has them,
/// and two ablations of AdaHessian's defaults (the official update; the defaults without decay). SDCA keeps its own
/// defaults, L2 included (it chooses one from the data and logs it).
/// </summary>
internal static class TrainerRegistry
{
    /// <summary>λ, the L2 strength every trainer but SDCA gets, and the one the training objective F uses.</summary>
    public const float L2 = 1f;

    /// <summary>The name of the baseline every ratio and criterion is relative to.</summary>
    public const string Baseline = "L-BFGS";

    /// <summary>The trainers, in report order.</summary>
    public static IReadOnlyList<SuiteTrainer> All { get; } =
    [
        new("AdaHessian", "AdaHessianTrainer, defaults, L2Regularization = 1",
            ml => ml.BinaryClassification.Trainers.AdaHessian(new AdaHessianTrainer.Options { L2Regularization = L2 })),
        // The ablation: the official update, and the defaults without their decay.
        new("AdaHessian official", "AdaHessianTrainer.Options.Official() (Hutchinson, η 0.15 constant, 30 epochs of 256 rows, uncentred), L2Regularization = 1",
            ml => ml.BinaryClassification.Trainers.AdaHessian(Official())),
        new("AdaHessian constant η", "AdaHessianTrainer, defaults but LearningRateDecay = None, L2Regularization = 1",
            ml => ml.BinaryClassification.Trainers.AdaHessian(new AdaHessianTrainer.Options { L2Regularization = L2, LearningRateDecay = Optimizers.LearningRateDecay.None })),
        new("Adam", "AdamTrainer, defaults, L2Regularization = 1",
            ml => ml.BinaryClassification.Trainers.Adam(new AdamTrainer.Options { L2Regularization = L2 })),
        new(Baseline, "LbfgsLogisticRegression, defaults, L1Regularization = 0, L2Regularization = 1",
            ml => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = 0, L2Regularization = L2,
            })),
        new("SDCA", "SdcaLogisticRegression, all defaults (L2 chosen by SDCA itself, for its objective (1/n)Σℓ + (λ′/2)‖(w, b)‖²)",
            ml => ml.BinaryClassification.Trainers.SdcaLogisticRegression()),
    ];

    private static AdaHessianTrainer.Options Official()
    {
        AdaHessianTrainer.Options options = AdaHessianTrainer.Options.Official();
        options.L2Regularization = L2;
        return options;
    }

    /// <summary>The trainers whose name matches <paramref name="pattern"/> (a regular expression; null = all).</summary>
    public static IReadOnlyList<SuiteTrainer> Select(string? pattern) =>
        pattern is null ? All : [.. All.Where(t => Regex.IsMatch(t.Name, pattern, RegexOptions.IgnoreCase))];
}
