namespace AdaHessian.Study.Experiments.RealData;

/// <summary>
/// One trainer's test metrics on one task, as ML.NET's evaluators report them, with the log-loss in nats (ML.NET's
/// binary log-loss is in bits and is converted; its multiclass log-loss is already in nats).
/// </summary>
/// <param name="Trainer">The trainer.</param>
/// <param name="Accuracy">Test accuracy (micro accuracy for the ten classes).</param>
/// <param name="AucOrMacroAccuracy">Area under the ROC curve (binary) or macro accuracy (ten classes).</param>
/// <param name="LogLoss">Mean test log-loss, nats per image.</param>
/// <param name="FitMilliseconds">Wall-clock fit time; goes to timings only.</param>
internal sealed record TrainerMetrics(RealDataTrainer Trainer, double Accuracy, double AucOrMacroAccuracy, double LogLoss,
    double FitMilliseconds);
