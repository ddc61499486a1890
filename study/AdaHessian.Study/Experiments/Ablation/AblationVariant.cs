using AdaHessian.Curvature;
using AdaHessian.MLNet;
using AdaHessian.Optimizers;

namespace AdaHessian.Study.Experiments.Ablation;

/// <summary>One trainer setting of the ablation: the defaults, or the defaults with one choice undone.</summary>
/// <param name="Key">Column and summary key.</param>
/// <param name="Label">What the report calls it.</param>
/// <param name="Settings">What differs from the defaults, for the report.</param>
/// <param name="Options">A fresh copy of the trainer's options (L2 is set by the experiment).</param>
internal sealed record AblationVariant(string Key, string Label, string Settings, Func<LogisticNeuronTrainerOptions> Options)
{
    /// <summary>The variant every other is compared with.</summary>
    public const string DefaultsKey = "adahessian-defaults";

    /// <summary>The variants, the defaults first.</summary>
    public static IReadOnlyList<AblationVariant> All { get; } =
    [
        new(DefaultsKey, "AdaHessian defaults", "AdaHessianTrainer defaults: exact diagonal, η from the curvature at the start (with β₁ on full batches), cosine decay, centred features, full batch and at least 2,000 steps on these data",
            () => new AdaHessianTrainer.Options()),
        new("adahessian-official", "AdaHessian official", "AdaHessianTrainer.Options.Official(): Hutchinson, η 0.15 constant, 30 epochs of 256 rows, uncentred",
            AdaHessianTrainer.Options.Official),
        new("adahessian-hutchinson", "AdaHessian, Hutchinson", "the defaults with the Hutchinson estimate (one probe) instead of the exact diagonal",
            () => new AdaHessianTrainer.Options { Curvature = CurvatureKind.Hutchinson }),
        new("adahessian-constant", "AdaHessian, constant η", "the defaults without the decay (LearningRateDecay = None)",
            () => new AdaHessianTrainer.Options { LearningRateDecay = LearningRateDecay.None }),
        new("adahessian-linear", "AdaHessian, linear decay", "the defaults with a linear decay instead of the cosine",
            () => new AdaHessianTrainer.Options { LearningRateDecay = LearningRateDecay.Linear }),
        new("adahessian-uncentred", "AdaHessian, uncentred", "the defaults on uncentred features (CenterFeatures = false)",
            () => new AdaHessianTrainer.Options { CenterFeatures = false }),
        new("adahessian-momentum", "AdaHessian, β₁ = 0.9", "the defaults with β₁ = 0.9 on full batches too (η = min(1, 10/λ̂)) instead of the heavy ball's η and β₁",
            () => new AdaHessianTrainer.Options { Beta1 = 0.9f }),
        new("adam-defaults", "Adam defaults", "AdamTrainer defaults",
            () => new AdamTrainer.Options()),
    ];
}
