using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Training;

namespace AdaHessian.MLNet;

/// <summary>
/// The one place where a trainer's options become core settings: the objective's loss, L2 and threads, the
/// optimizer chain, and the schedule with its curvature source. The trainers fit with it; the study and the
/// benchmarks build the same runs from it. Building a plan applies the core's rules, which name the offending option
/// with the same name as the trainer's field.
/// </summary>
/// <param name="Method">The method's name for the log, e.g. "AdaHessian exact (k=1)".</param>
/// <param name="Optimizer">The optimizer chain.</param>
/// <param name="Training">Epochs, batches, seed, tolerance and curvature.</param>
/// <param name="Loss">The per-example loss.</param>
/// <param name="L2Regularization">λ, ML.NET's L2 regularization.</param>
/// <param name="NumberOfThreads">Threads for the data passes; null for every core.</param>
internal sealed record TrainingPlan(
    string Method,
    Optimizer Optimizer,
    TrainingOptions Training,
    LossKind Loss,
    double L2Regularization,
    int? NumberOfThreads)
{
    /// <summary>The plan for <paramref name="options"/> with the given seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public static TrainingPlan For(LogisticNeuronTrainerOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.NonNegative(options.L2Regularization, nameof(options.L2Regularization));
        OptionChecks.Defined(options.Loss, nameof(options.Loss));
        OptionChecks.NullOrAtLeastOne(options.NumberOfThreads, nameof(options.NumberOfThreads), "every core");
        var training = new TrainingOptions
        {
            NumberOfEpochs = options.NumberOfEpochs,
            BatchSize = options.BatchSize,
            Shuffle = options.Shuffle,
            Seed = seed,
            OptimizationTolerance = options.OptimizationTolerance,
            EarlyStoppingRound = options.EarlyStoppingRound,
            Curvature = options.CreateCurvature(),
            History = HistoryGranularity.None,
            RecordParameters = false,
        };
        training.Validate();
        Optimizer optimizer = options.CreateOptimizer();
        return new TrainingPlan(options.Describe(optimizer), optimizer, training, options.Loss, options.L2Regularization, options.NumberOfThreads);
    }

    /// <summary>The objective this plan minimizes on <paramref name="data"/>.</summary>
    public LogisticObjective CreateObjective(LogisticDataset data) => new(data, Loss, L2Regularization, NumberOfThreads);

    /// <summary>
    /// Runs the plan on <paramref name="data"/> from zeros (or <paramref name="initialParameters"/>), scoring
    /// <paramref name="validation"/> (its loss without the L2 term) after every epoch when given.
    /// </summary>
    public TrainingResult Run(LogisticDataset data, IProgress<TrainingProgress>? observer = null,
        CancellationToken cancellationToken = default, ReadOnlySpan<double> initialParameters = default,
        LogisticDataset? validation = null) =>
        TrainingLoop.Run(CreateObjective(data), Optimizer, Training, initialParameters, observer, cancellationToken,
            validation is null ? null : new LogisticObjective(validation, Loss, l2Regularization: 0, NumberOfThreads));
}
