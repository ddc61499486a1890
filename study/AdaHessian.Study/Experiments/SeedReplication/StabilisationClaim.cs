namespace AdaHessian.Study.Experiments.SeedReplication;

/// <summary>The claim under test: AdaHessian stabilises by ~150 epochs, Adam by ~175; each may be off by ±25.</summary>
internal static class StabilisationClaim
{
    /// <summary>The claimed epochs and the tolerance on each.</summary>
    public const int AdaHessianEpoch = 150, AdamEpoch = 175, Tolerance = 25;

    /// <summary>The claim as it is usually stated.</summary>
    public const string Statement = "AdaHessian stabilises by ~150 epochs, Adam by ~175";

    /// <summary>The rule <see cref="Holds"/> applies, in words.</summary>
    public static string Rule => $"holds when AdaHessian (Hutchinson) stabilises within ±{Tolerance} epochs of {AdaHessianEpoch}, " +
        $"Adam within ±{Tolerance} of {AdamEpoch}, and AdaHessian before Adam";

    /// <summary>Each within ±<see cref="Tolerance"/> of its claimed epoch, and AdaHessian first.</summary>
    public static bool Holds(int adaHessianEpoch, int adamEpoch) =>
        Math.Abs(adaHessianEpoch - AdaHessianEpoch) <= Tolerance &&
        Math.Abs(adamEpoch - AdamEpoch) <= Tolerance &&
        adaHessianEpoch < adamEpoch;
}
