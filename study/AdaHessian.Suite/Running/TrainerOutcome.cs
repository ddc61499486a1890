namespace AdaHessian.Suite.Running;

/// <summary>What one trainer did on one dataset: the first fit's model measured, and every fit timed.</summary>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Objective">Training objective F of the returned model (NaN after an error).</param>
/// <param name="TestLogLoss">Mean test log-loss in nats (NaN after an error).</param>
/// <param name="Auc">Test AUC (NaN after an error).</param>
/// <param name="FitSeconds">Wall time of each fit, in order.</param>
/// <param name="Error">The exception type and message when a fit threw, else null.</param>
/// <param name="Note">Anything the trainer chose itself that the table should show (SDCA's L2), else null.</param>
internal sealed record TrainerOutcome(
    string Trainer,
    double Objective,
    double TestLogLoss,
    double Auc,
    IReadOnlyList<double> FitSeconds,
    string? Error,
    string? Note)
{
    /// <summary>True when every fit returned a model.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The median fit time, seconds (NaN when no fit finished).</summary>
    public double MedianSeconds
    {
        get
        {
            if (FitSeconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = FitSeconds.Order().ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>An outcome for a trainer whose fit threw <paramref name="exception"/>.</summary>
    public static TrainerOutcome Failed(string trainer, Exception exception, IReadOnlyList<double> fitSeconds) =>
        new(trainer, double.NaN, double.NaN, double.NaN, fitSeconds,
            $"{exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}", null);
}
