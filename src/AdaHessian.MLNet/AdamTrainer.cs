using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>
/// Fits a logistic regression (a logistic neuron p = σ(w·x + b)) with the Adam optimizer (AdamW with
/// <see cref="LogisticNeuronTrainerOptions.WeightDecay"/>). The same trainer as <see cref="AdaHessianTrainer"/> but
/// for the optimizer, so the two compare inside identical pipelines; the fitted model has the type
/// <c>LbfgsLogisticRegression</c> returns.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer use `mlContext.BinaryClassification.Trainers.Adam(...)` or
/// `new AdamTrainer(mlContext, new AdamTrainer.Options { ... })`.
///
/// ### Trainer Characteristics
/// | | |
/// | -- | -- |
/// | Machine learning task | Binary classification |
/// | Is normalization required? | Yes |
/// | Is caching required? | No (the data is read once into memory) |
/// | Required NuGet in addition to Microsoft.ML | AdaHessian.MLNet |
/// | Model type | `CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>`, as LbfgsLogisticRegression |
///
/// ### Scoring Function
/// Score = w·x + b, Probability = 1 / (1 + exp(−Score)), PredictedLabel = Score > 0.
///
/// ### Training Algorithm Details
/// The objective is that of <see cref="AdaHessianTrainer"/>: F(θ) = (Σᵢ ωᵢ ℓ(w·xᵢ + b, yᵢ) + (λ/2)‖w‖²) / Ω.
/// Adam (Kingma and Ba, 2015), step t = 1, 2, … on batch B:
///
///     g  = ∇F_B(θ)
///     m  ← β₁ m + (1 − β₁) g
///     v  ← β₂ v + (1 − β₂) g²
///     θ  ← θ − η [ (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε) + λ_wd θ ]     (λ_wd on the weights only)
///
/// with η = `LearningRate`, β₁ = `Beta1`, β₂ = `Beta2`, ε = `Epsilon` and λ_wd = `WeightDecay`.
/// ]]></format>
/// </remarks>
public sealed class AdamTrainer : LogisticNeuronTrainerBase<AdamTrainer.Options>
{
    /// <summary>Creates the trainer.</summary>
    /// <param name="env">The environment, usually the <c>MLContext</c>.</param>
    /// <param name="options">The settings; null for the defaults. They are validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public AdamTrainer(IHostEnvironment env, Options? options = null)
        : base(env, options ?? new Options(), nameof(AdamTrainer))
    {
    }

    /// <summary>
    /// The defaults only this trainer has, as used by its fields and catalog methods; the shared ones are in
    /// <see cref="SharedDefaults"/>. The core's settings have the same defaults (a test checks it).
    /// </summary>
    /// <remarks>
    /// The schedule is <see cref="AdaHessianTrainer"/>'s, so the two differ only in the optimizer. The learning rates
    /// were measured on the same 26 data sets: 0.1 was best on full batches (0.05 left Reuters 1.7 % above the optimum's
    /// test log-loss), 0.05 on mini-batches (0.1 cost 1 % on wide sparse data, 0.03 was slower on the large sets).
    /// </remarks>
    internal static class Defaults
    {
        /// <summary>η on full batches.</summary>
        public const double FullBatchLearningRate = 0.1;

        /// <summary>η on mini-batches.</summary>
        public const double MiniBatchLearningRate = 0.05;

        /// <summary>ε, PyTorch's default.</summary>
        public const float Epsilon = 1e-8f;
    }

    /// <summary>Settings of <see cref="AdamTrainer"/>; each field documents its default.</summary>
    public sealed class Options : AdamTrainerOptionsBase
    {
        /// <summary>Creates the options with their defaults.</summary>
        public Options()
        {
        }
    }
}
