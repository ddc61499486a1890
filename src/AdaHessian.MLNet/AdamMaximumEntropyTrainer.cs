using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>
/// Fits a maximum-entropy model (multinomial logistic regression, p = softmax(W x + b)) with the Adam optimizer. The
/// same trainer as <see cref="AdaHessianMaximumEntropyTrainer"/> but for the optimizer; the fitted model has the type
/// <c>LbfgsMaximumEntropy</c> returns.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer use `mlContext.MulticlassClassification.Trainers.AdamMaximumEntropy(...)` or
/// `new AdamMaximumEntropyTrainer(mlContext, new AdamMaximumEntropyTrainer.Options { ... })`.
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
/// Score = softmax(W x + b), PredictedLabel = the key of the largest probability.
///
/// ### Training Algorithm Details
/// The objective is <see cref="AdaHessianMaximumEntropyTrainer"/>'s; the update is <see cref="AdamTrainer"/>'s, with
/// its options and defaults. `Loss` must stay `LogLoss`.
/// ]]></format>
/// </remarks>
public sealed class AdamMaximumEntropyTrainer : MaximumEntropyTrainerBase<AdamMaximumEntropyTrainer.Options>
{
    /// <summary>Creates the trainer.</summary>
    /// <param name="env">The environment, usually the <c>MLContext</c>.</param>
    /// <param name="options">The settings; null for the defaults. They are validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public AdamMaximumEntropyTrainer(IHostEnvironment env, Options? options = null)
        : base(env, options ?? new Options(), nameof(AdamMaximumEntropyTrainer))
    {
    }

    /// <summary>
    /// Settings of <see cref="AdamMaximumEntropyTrainer"/>: the fields and defaults of <see cref="AdamTrainer.Options"/>,
    /// with a key label.
    /// </summary>
    public sealed class Options : AdamTrainerOptionsBase
    {
        /// <summary>Creates the options with their defaults.</summary>
        public Options()
        {
        }

        internal override bool IsMulticlass => true;
    }
}
