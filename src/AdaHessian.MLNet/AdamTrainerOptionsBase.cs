using AdaHessian.Objective;
using AdaHessian.Optimizers;

namespace AdaHessian.MLNet;

/// <summary>
/// The options of the Adam trainers — <see cref="AdamTrainer"/> (binary) and <see cref="AdamMaximumEntropyTrainer"/>
/// (multiclass): the shared options of <see cref="LogisticNeuronTrainerOptions"/>, with Adam's ε and learning rates
/// (<see cref="AdamTrainer.Defaults"/>).
/// </summary>
public abstract class AdamTrainerOptionsBase : LogisticNeuronTrainerOptions
{
    private protected AdamTrainerOptionsBase()
        : base(AdamTrainer.Defaults.Epsilon)
    {
    }

    /// <inheritdoc />
    private protected override Optimizer CreateOptimizerCore(double learningRate, double beta1, ILearningRateSchedule schedule) =>
        Optimizer.Adam(new AdamOptions
        {
            LearningRate = learningRate,
            Beta1 = beta1,
            Beta2 = Beta2,
            Epsilon = Epsilon,
            WeightDecay = WeightDecay,
        }, schedule);

    /// <inheritdoc />
    private protected override (double Rate, double Beta1, string How) AutomaticLearningRateCore(IObjective objective,
        ReadOnlySpan<double> start, int batchSize, bool fullBatch, int seed) =>
        fullBatch
            ? (AdamTrainer.Defaults.FullBatchLearningRate, GivenOrDefaultBeta1, "automatic: full batch")
            : (AdamTrainer.Defaults.MiniBatchLearningRate, GivenOrDefaultBeta1, "automatic: mini-batch");
}
