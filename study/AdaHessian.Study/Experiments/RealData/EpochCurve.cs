namespace AdaHessian.Study.Experiments.RealData;

/// <summary>An optimizer trainer's test log-loss (nats per image) after epochs 1 … E on the binary pair.</summary>
internal sealed record EpochCurve(RealDataTrainer Trainer, double[] TestLogLoss);
