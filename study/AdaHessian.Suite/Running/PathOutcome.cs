using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Running;

/// <summary>The regularisation path on one dataset: the test log-loss of L-BFGS at each L2 of the grid, or why there is none.</summary>
/// <param name="Points">One point per grid value, in grid order; empty when skipped or failed.</param>
/// <param name="SkipReason">Why it did not run, or null.</param>
/// <param name="Error">The exception type and message when a fit threw, else null.</param>
internal sealed record PathOutcome(IReadOnlyList<L2PathPoint> Points, string? SkipReason, string? Error)
{
    /// <summary>True when every point was fitted.</summary>
    public bool Succeeded => SkipReason is null && Error is null;

    /// <summary>Wall time of the whole path, seconds.</summary>
    public double Seconds => Points.Sum(p => p.Seconds);

    /// <summary>The point of the lowest test log-loss (the best L2 of the grid in hindsight), or null without points.</summary>
    public L2PathPoint? Best => Points.Where(p => !double.IsNaN(p.TestLogLoss)).MinBy(p => p.TestLogLoss);
}
