namespace AdaHessian.Suite.Multiclass;

/// <summary>What one trainer's fit gave on the test split.</summary>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Seconds">Wall time of the fit.</param>
/// <param name="Accuracy">Micro accuracy on the test split.</param>
/// <param name="MacroAccuracy">Macro accuracy on the test split.</param>
/// <param name="LogLoss">Mean test log-loss in nats.</param>
/// <param name="Error">The exception's type and message when the fit threw, else null.</param>
internal sealed record MulticlassOutcome(string Trainer, double Seconds, double Accuracy, double MacroAccuracy, double LogLoss,
    string? Error = null)
{
    /// <summary>The training objective F at the comparison's L2 (per row, <see cref="SoftmaxMetrics.Objective"/>); NaN when the trainer fits another objective.</summary>
    public double Objective { get; init; } = double.NaN;

    /// <summary>Test log-loss (nats, <see cref="SoftmaxMetrics.LogLoss"/>) after each epoch; empty when the trainer reports no epochs.</summary>
    public IReadOnlyList<double> EpochLogLoss { get; init; } = [];

    /// <summary>Seconds from the start of the fit to the end of each epoch; as long as <see cref="EpochLogLoss"/>.</summary>
    public IReadOnlyList<double> EpochSeconds { get; init; } = [];

    /// <summary>
    /// The training objective F the trainer reported after each epoch; as long as <see cref="EpochLogLoss"/>, and only
    /// for the trainers whose <see cref="Objective"/> is finite (they train at the comparison's L2).
    /// </summary>
    public IReadOnlyList<double> EpochObjective { get; init; } = [];

    /// <summary>The test confusion matrix in label order; null unless the trainer is the one the figure shows.</summary>
    public ClassConfusion? Confusion { get; init; }

    /// <summary>The fitted softmax model, kept only for the reference fit.</summary>
    public SoftmaxModel? Model { get; init; }
}
