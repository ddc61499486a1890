using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>
/// Fits a maximum-entropy model (multinomial logistic regression, p = softmax(W x + b)) with the AdaHessian optimizer,
/// as a drop-in replacement for <c>LbfgsMaximumEntropy</c>: the fitted model has the same type, so evaluation,
/// saving, cross-validation, permutation feature importance and ONNX export work unchanged.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer use `mlContext.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(...)` or
/// `new AdaHessianMaximumEntropyTrainer(mlContext, new AdaHessianMaximumEntropyTrainer.Options { ... })`.
///
/// ### Trainer Characteristics
/// | | |
/// | -- | -- |
/// | Machine learning task | Multiclass classification |
/// | Is normalization required? | Yes |
/// | Is caching required? | No (the data is read once into memory) |
/// | Required NuGet in addition to Microsoft.ML | AdaHessian.MLNet |
/// | Model type | `MaximumEntropyModelParameters`, as LbfgsMaximumEntropy |
///
/// ### Scoring Function
/// Score = softmax(W x + b): one probability per value of the label key; PredictedLabel = the key of the largest.
///
/// ### Training Algorithm Details
/// The objective is F(θ) = (Σᵢ ωᵢ (−log softmax(W xᵢ + b)_{yᵢ}) + (λ/2) Σₖ ‖wₖ‖²) / Ω with λ = `L2Regularization`
/// (biases not regularized), the objective LbfgsMaximumEntropy minimizes with L1 regularization 0. θ is class-major:
/// block k = (wₖ, bₖ). The update is <see cref="AdaHessianTrainer"/>'s with the softmax's exact Hessian diagonal
/// Σω pₖ(1 − pₖ) x² (or Hutchinson's estimate); spatial averaging stays within a class's weights. The options, their
/// defaults and the choices made from the data (batch, steps, η, centring, the automatic L2) are those of
/// <see cref="AdaHessianTrainer"/>; `Loss` must stay `LogLoss`. Classes absent from the training data: see
/// <see cref="MaximumEntropyTrainerBase{TOptions}"/>.
/// ]]></format>
/// </remarks>
public sealed class AdaHessianMaximumEntropyTrainer : MaximumEntropyTrainerBase<AdaHessianMaximumEntropyTrainer.Options>
{
    /// <summary>Creates the trainer.</summary>
    /// <param name="env">The environment, usually the <c>MLContext</c>.</param>
    /// <param name="options">The settings; null for the defaults. They are validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public AdaHessianMaximumEntropyTrainer(IHostEnvironment env, Options? options = null)
        : base(env, options ?? new Options(), nameof(AdaHessianMaximumEntropyTrainer))
    {
    }

    /// <summary>
    /// Settings of <see cref="AdaHessianMaximumEntropyTrainer"/>: the fields and defaults of
    /// <see cref="AdaHessianTrainer.Options"/>, with a key label.
    /// </summary>
    public sealed class Options : AdaHessianTrainerOptionsBase
    {
        /// <summary>Creates the options with their defaults.</summary>
        public Options()
        {
        }

        internal override bool IsMulticlass => true;
    }
}
