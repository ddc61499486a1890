namespace AdaHessian.Suite.Report;

/// <summary>
/// The automatic L2's targets, shared by the binary and the multiclass suites: test log-loss ≤ 1.01 × min(L-BFGS at
/// L2 = 1, SDCA at its defaults) and ≤ 1.03 × the cross-validated L-BFGS's; the fit, choice included, in ≤ 0.25 × the
/// cross-validated search's time, or under 50 ms.
/// </summary>
internal static class L2Targets
{
    /// <summary>The slack over min(L-BFGS at L2 = 1, SDCA).</summary>
    public const double OverBest = 1.01;

    /// <summary>The slack over the cross-validated L-BFGS.</summary>
    public const double OverCrossValidated = 1.03;

    /// <summary>The share of the cross-validated search's time a fit may take.</summary>
    public const double TimeShare = 0.25;

    /// <summary>A fit shorter than this always counts as in time, seconds.</summary>
    public const double AlwaysInTime = 0.05;

    /// <summary>Whether a fit of <paramref name="seconds"/> is in time against a search of <paramref name="searchSeconds"/>.</summary>
    public static bool InTime(double seconds, double searchSeconds) => seconds < AlwaysInTime || seconds <= TimeShare * searchSeconds;
}
