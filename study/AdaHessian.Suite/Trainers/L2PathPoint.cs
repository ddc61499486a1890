namespace AdaHessian.Suite.Trainers;

/// <summary>One point of the regularisation path.</summary>
/// <param name="L2">The L2 strength of the fit.</param>
/// <param name="TestLogLoss">Mean test log-loss in nats of the fit on every training row at <paramref name="L2"/>.</param>
/// <param name="Seconds">Wall time of the (warm-started) fit.</param>
internal sealed record L2PathPoint(double L2, double TestLogLoss, double Seconds);
