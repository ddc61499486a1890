using MathNet.Numerics.Statistics;

namespace AdaHessian.Suite.Running;

/// <summary>What one way of choosing L2 did on one dataset: the L2 it chose, its model on the test split, its time.</summary>
/// <param name="Source">The name of the <see cref="IRegularizationSource"/>.</param>
/// <param name="L2">The chosen L2 (NaN when skipped, failed, or not reported).</param>
/// <param name="TestLogLoss">Mean test log-loss in nats of the final model (NaN when skipped or failed).</param>
/// <param name="Auc">Test AUC of the final model (NaN when skipped or failed).</param>
/// <param name="Seconds">Wall time of each timed run, the whole search or fit.</param>
/// <param name="SkipReason">Why it did not run here, or null.</param>
/// <param name="Error">The exception type and message when it threw, else null.</param>
/// <param name="Note">Detail for the CSV (a search's held-out losses), else null.</param>
internal sealed record RegularizationOutcome(
    string Source,
    double L2,
    double TestLogLoss,
    double Auc,
    IReadOnlyList<double> Seconds,
    string? SkipReason,
    string? Error,
    string? Note)
{
    /// <summary>True when it ran and returned a model.</summary>
    public bool Succeeded => SkipReason is null && Error is null;

    /// <summary>The median of <see cref="Seconds"/> (NaN when nothing was timed).</summary>
    public double MedianSeconds => Seconds.Count == 0 ? double.NaN : Seconds.Median();

    /// <summary>An outcome for a source that did not run, and why.</summary>
    public static RegularizationOutcome Skipped(string source, string reason) =>
        new(source, double.NaN, double.NaN, double.NaN, [], reason, null, null);

    /// <summary>An outcome for a source that threw <paramref name="exception"/> after <paramref name="seconds"/>.</summary>
    public static RegularizationOutcome Failed(string source, Exception exception, IReadOnlyList<double> seconds) =>
        new(source, double.NaN, double.NaN, double.NaN, seconds, null,
            $"{exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}", null);
}
