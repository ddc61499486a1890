namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>How a run is scored.</summary>
internal static class SweepMetrics
{
    /// <summary>The "within 1 %" target: the fraction of the starting gap F₀ − F* still allowed.</summary>
    public const double TargetFraction = 0.01;

    /// <summary>
    /// Suboptimality at or below this counts as 0: the objective is a mean of O(1) terms summed in double, so
    /// smaller gaps are rounding noise (and F − F* can even come out slightly negative).
    /// </summary>
    public const double Floor = 1e-12;

    /// <summary>F − F*, with gaps ≤ <see cref="Floor"/> set to 0 and a diverged run (F = +∞) kept at +∞.</summary>
    public static double Suboptimality(double final, double optimum) =>
        final - optimum is var gap && gap <= Floor ? 0 : gap;
}
