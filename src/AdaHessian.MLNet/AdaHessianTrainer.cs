using AdaHessian.Curvature;
using AdaHessian.Optimizers;
using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>
/// Fits a logistic regression (a logistic neuron p = σ(w·x + b)) with the AdaHessian optimizer, as a drop-in
/// replacement for <c>LbfgsLogisticRegression</c>: the fitted model has the same type, so evaluation, saving,
/// cross-validation, one-versus-all, permutation feature importance and feature contributions work unchanged.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer use `mlContext.BinaryClassification.Trainers.AdaHessian(...)` or
/// `new AdaHessianTrainer(mlContext, new AdaHessianTrainer.Options { ... })`.
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
/// Score = w·x + b, Probability = 1 / (1 + exp(−Score)) (a Platt calibrator with slope −1 and offset 0), and
/// PredictedLabel = Score > 0.
///
/// ### Training Algorithm Details
/// The objective is F(θ) = (Σᵢ ωᵢ ℓ(w·xᵢ + b, yᵢ) + (λ/2)‖w‖²) / Ω with θ = (w, b), example weights ωᵢ summing
/// to Ω and λ = `L2Regularization` (the bias is not regularized), the objective LbfgsLogisticRegression minimizes
/// with L1 regularization 0. The loss ℓ is the log-loss (or the squared error ½(σ(a) − y)²). Gradients,
/// Hessian-vector products and the exact Hessian diagonal are analytic and come out of one pass over a batch B.
///
/// AdaHessian (Yao et al., AAAI 2021) is Adam with the squared gradient replaced by the squared Hessian diagonal.
/// Step t = 1, 2, … on batch B:
///
///     g  = ∇F_B(θ)
///     D  = |mean over s of zₛ ⊙ (∇²F_B(θ) zₛ)|,  zₛ ∈ {−1, +1}ᵈ⁺¹ Rademacher, s = 1 … HutchinsonSamples
///          (or D = |diag ∇²F_B(θ)| with Curvature = ExactDiagonal); refreshed when (t − 1) mod HessianUpdateInterval = 0
///     D  ← mean of D over blocks of SpatialAverageBlockSize weights (the bias on its own)
///     m  ← β₁ m + (1 − β₁) g
///     v  ← β₂ v + (1 − β₂) D²
///     θ  ← θ − η [ (m / (1 − β₁ᵗ)) / ((√(v / (1 − β₂ᵗ)))ᵏ + ε) + λ_wd θ ]     (λ_wd on the weights only)
///
/// with η = `LearningRate`, β₁ = `Beta1`, β₂ = `Beta2`, ε = `Epsilon`, k = `HessianPower` and λ_wd = `WeightDecay`.
/// Rows with a non-finite feature or weight, or a negative weight, are skipped and counted in a warning; progress
/// (objective per epoch) goes to `MLContext.Log`.
/// ]]></format>
/// </remarks>
public sealed class AdaHessianTrainer : LogisticNeuronTrainerBase<AdaHessianTrainer.Options>
{
    /// <summary>Creates the trainer.</summary>
    /// <param name="env">The environment, usually the <c>MLContext</c>.</param>
    /// <param name="options">The settings; null for the defaults. They are validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public AdaHessianTrainer(IHostEnvironment env, Options? options = null)
        : base(env, options ?? new Options(), nameof(AdaHessianTrainer))
    {
    }

    /// <summary>
    /// The defaults only this trainer has, as used by its fields and catalog methods; the shared ones are in
    /// <see cref="SharedDefaults"/>. The core's settings have the same defaults (a test checks it).
    /// </summary>
    /// <remarks>
    /// Chosen on 26 public and synthetic data sets (1 to 400,000 rows, 5 to 100,000 features, dense and wide sparse,
    /// raw and badly scaled) against the exact optimum: the exact diagonal instead of Hutchinson's estimate (whose
    /// error grows with the off-diagonal Hessian and freezes or explodes single coordinates on one-hot and wide data),
    /// centred features, η from the curvature at the start, a cosine decay and a step budget that fits the data.
    /// The official update is <see cref="Options.Official"/>.
    /// </remarks>
    internal static class Defaults
    {
        /// <summary>η = 0.15, the official AdaHessian default (of <see cref="Options.Official"/>).</summary>
        public const float OfficialLearningRate = 0.15f;

        /// <summary>Full batches with β₁ given: η = min(1, 10/λ̂); β₁ = 0.9 tolerates η·λ̂ up to 2(1 + β₁)/(1 − β₁) = 38.</summary>
        public const double FullBatchStability = 10;

        /// <summary>
        /// Full batches with η and β₁ automatic: η is this fraction of the heavy-ball optimum for the estimated
        /// condition number (<see cref="FullBatchMomentum"/>). Measured on the suite's full-batch data sets: 0.5 and 0.7
        /// both converge everywhere, 0.7 in about 10 fewer steps of 40–60; 1 diverges on some.
        /// </summary>
        public const double FullBatchStepFraction = 0.5;

        /// <summary>Full batches with η and β₁ automatic: β₁ at most 0.9, the mini-batch default (κ̂ ≤ 1,444).</summary>
        public const double FullBatchMaximumMomentum = 0.9;

        /// <summary>Mini-batches: η = min(1, 1/λ̂), a tenth of the full-batch step, for the gradient noise.</summary>
        public const double MiniBatchStability = 1;

        /// <summary>ε, the official AdaHessian default.</summary>
        public const float Epsilon = 1e-4f;

        /// <summary>k = 1, the official default.</summary>
        public const float HessianPower = 1f;

        /// <summary>The exact diagonal: a logistic neuron's Hessian diagonal is analytic, so nothing needs sampling.</summary>
        public const CurvatureKind Curvature = CurvatureKind.ExactDiagonal;

        /// <summary>One Rademacher probe per estimate.</summary>
        public const int HutchinsonSamples = 1;

        /// <summary>No spatial averaging (the right choice for a linear model).</summary>
        public const int SpatialAverageBlockSize = 1;

        /// <summary>Refresh the curvature every step.</summary>
        public const int HessianUpdateInterval = 1;
    }

    /// <summary>Settings of <see cref="AdaHessianTrainer"/>; each field documents its default.</summary>
    public sealed class Options : AdaHessianTrainerOptionsBase
    {
        /// <summary>Creates the options with their defaults.</summary>
        public Options()
        {
        }

        /// <summary>
        /// The official AdaHessian (amirgholami/adahessian) at its defaults: Hutchinson's estimate with one probe,
        /// η = 0.15 constant, 30 epochs of 256-row batches, uncentred features, no tolerance. For comparisons; the
        /// defaults of <see cref="Options()"/> are more robust.
        /// </summary>
        public static Options Official() => new()
        {
            Curvature = CurvatureKind.Hutchinson,
            LearningRate = Defaults.OfficialLearningRate,
            LearningRateDecay = LearningRateDecay.None,
            BatchSize = 256,
            MinimumNumberOfSteps = 0,
            CenterFeatures = false,
            OptimizationTolerance = 0,
        };
    }
}
