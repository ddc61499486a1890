namespace AdaHessian.Curvature;

/// <summary>How the Hessian diagonal is estimated, averaged and refreshed.</summary>
/// <param name="Kind">Hutchinson (sampled) or the exact diagonal.</param>
/// <param name="HutchinsonSamples">N ≥ 1 Rademacher probes averaged per Hutchinson estimate.</param>
/// <param name="SpatialAverageBlockSize">b ≥ 1: D is averaged over consecutive blocks of b weights (biases kept apart); 1 = none.</param>
/// <param name="HessianUpdateInterval">T_h ≥ 1: D is recomputed at steps 1, 1 + T_h, 1 + 2T_h, … and reused in between.</param>
public sealed record CurvatureOptions(
    CurvatureKind Kind = CurvatureKind.Hutchinson,
    int HutchinsonSamples = 1,
    int SpatialAverageBlockSize = 1,
    int HessianUpdateInterval = 1)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        OptionChecks.Defined(Kind, nameof(Kind));

        OptionChecks.AtLeastOne(HutchinsonSamples, nameof(HutchinsonSamples));
        OptionChecks.AtLeastOne(SpatialAverageBlockSize, nameof(SpatialAverageBlockSize));
        OptionChecks.AtLeastOne(HessianUpdateInterval, nameof(HessianUpdateInterval));
    }

    /// <summary>True when D must be recomputed before step <paramref name="step"/> (1-based).</summary>
    public bool IsRefreshStep(long step) => (step - 1) % HessianUpdateInterval == 0;
}
