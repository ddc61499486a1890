using MathNet.Numerics.Statistics;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>What one method did on one dataset: the model's test scores, its L2, and its times.</summary>
/// <param name="Method">The <see cref="IMulticlassMethod"/>'s name.</param>
/// <param name="L2">The L2 strength it fitted with, given or chosen; NaN when it has none of ours (SDCA) or it failed.</param>
/// <param name="TestLogLoss">Mean test log-loss in nats from ML.NET's evaluator (NaN after an error).</param>
/// <param name="Accuracy">Micro accuracy on the test split (NaN after an error).</param>
/// <param name="Seconds">Wall time of each timed run: every fit, or the whole search once.</param>
/// <param name="Error">The exception's type and message when it threw, else null.</param>
/// <param name="Note">What the table says beside the numbers (how L2 was chosen, what SDCA tuned), else null.</param>
/// <param name="Detail">Detail for the CSV only (a search's held-out losses, the choice's log line), else null.</param>
internal sealed record MulticlassMethodOutcome(
    string Method,
    double L2,
    double TestLogLoss,
    double Accuracy,
    IReadOnlyList<double> Seconds,
    string? Error,
    string? Note,
    string? Detail = null)
{
    /// <summary>True when it returned a model.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The median of <see cref="Seconds"/> (NaN when nothing was timed).</summary>
    public double MedianSeconds => Seconds.Count == 0 ? double.NaN : Seconds.Median();

    /// <summary>An outcome for a method that threw <paramref name="exception"/> after <paramref name="seconds"/>.</summary>
    public static MulticlassMethodOutcome Failed(string method, Exception exception, IReadOnlyList<double> seconds) =>
        new(method, double.NaN, double.NaN, double.NaN, seconds, $"{exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}", null);
}
