namespace AdaHessian.Suite.Multiclass;

/// <summary>What one trainer's fit gave on the test split.</summary>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Seconds">Wall time of the fit.</param>
/// <param name="Accuracy">Micro accuracy on the test split.</param>
/// <param name="MacroAccuracy">Macro accuracy on the test split.</param>
/// <param name="LogLoss">Mean test log-loss in nats.</param>
/// <param name="Error">The exception's type and message when the fit threw, else null.</param>
internal sealed record MulticlassOutcome(string Trainer, double Seconds, double Accuracy, double MacroAccuracy, double LogLoss,
    string? Error = null);
