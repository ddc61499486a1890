using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.MLNet;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Training;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>
/// The per-epoch view of an optimizer trainer's fit. The trainers expose no per-epoch hook, so the same fit is run
/// again on the core <see cref="TrainingLoop"/> (the loop the trainers call) with the same data, options and seed,
/// keeping the parameters after every epoch. <see cref="CheckSameAs"/> proves it is the same run: the last epoch's
/// parameters, rounded to Single as ML.NET stores them, must equal the fitted model's bit for bit.
/// </summary>
internal static class EpochReplay
{
    /// <summary>
    /// The largest relative difference allowed between the replay's last test log-loss (double) and ML.NET's evaluator
    /// (Single scores and probabilities) for the same model.
    /// </summary>
    public const double MaxScoringDifference = 1e-6;

    /// <summary>Weights then bias after epochs 1 … E, rounded to Single as an ML.NET model would store them.</summary>
    /// <param name="train">The training rows, as the trainer read them.</param>
    /// <param name="options">The trainer's options.</param>
    /// <param name="seed">The trainer's seed: the MLContext's, as <c>Options.Seed</c> is null.</param>
    /// <param name="cancellation">Stops the replay between epochs.</param>
    public static double[][] Run(LogisticDataset train, LogisticNeuronTrainerOptions options, int seed, CancellationToken cancellation)
    {
        var objective = new LogisticObjective(train, options.Loss, options.L2Regularization, options.NumberOfThreads);
        var schedule = new TrainingOptions
        {
            Epochs = options.NumberOfEpochs,
            BatchSize = options.BatchSize,
            Shuffle = options.Shuffle,
            Seed = options.Seed ?? seed,
            Tolerance = options.OptimizationTolerance,
            History = HistoryGranularity.Epoch,
            RecordParameters = true,
        };
        TrainingResult result = TrainingLoop.Run(objective, Optimizer(options), schedule, cancellationToken: cancellation);
        return result.History.Where(p => p.Epoch >= 1).Select(p => p.Parameters!.Select(v => (double)(float)v).ToArray()).ToArray();
    }

    /// <summary>
    /// Throws unless <paramref name="replayed"/> (already rounded to Single) equals the model's parameters exactly.
    /// </summary>
    /// <exception cref="InvalidOperationException">The replay is not the trainer's run.</exception>
    public static void CheckSameAs(double[] replayed, double[] model, string trainer)
    {
        bool same = replayed.Length == model.Length;
        for (int j = 0; same && j < model.Length; j++)
        {
            same = replayed[j] == model[j];
        }

        if (!same)
        {
            throw new InvalidOperationException(
                $"The per-epoch replay of {trainer} ended with other parameters than the trainer's model: the replay no longer " +
                "mirrors the trainer (options, seed or data order changed). Update EpochReplay.");
        }
    }

    // As the trainers map their options (AdaHessianTrainer and AdamTrainer.CreateOptimizer).
    private static IOptimizer Optimizer(LogisticNeuronTrainerOptions options) => options switch
    {
        AdaHessianTrainer.Options o => new AdaHessianOptimizer(new AdaHessianOptions
        {
            LearningRate = o.LearningRate, Beta1 = o.Beta1, Beta2 = o.Beta2, Epsilon = o.Epsilon, HessianPower = o.HessianPower,
            WeightDecay = o.WeightDecay,
            Curvature = new CurvatureOptions(o.Curvature, o.HutchinsonSamples, o.SpatialAverageBlockSize, o.HessianUpdateInterval),
        }),
        AdamTrainer.Options o => new AdamOptimizer(new AdamOptions
        {
            LearningRate = o.LearningRate, Beta1 = o.Beta1, Beta2 = o.Beta2, Epsilon = o.Epsilon, WeightDecay = o.WeightDecay,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.GetType().Name, "Not an optimizer trainer's options."),
    };
}
