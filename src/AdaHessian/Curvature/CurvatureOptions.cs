namespace AdaHessian.Curvature;

/// <summary>How the Hessian diagonal is estimated, averaged and refreshed.</summary>
/// <param name="Kind">Hutchinson (sampled) or the exact diagonal.</param>
/// <param name="Samples">N ≥ 1 Rademacher probes averaged per Hutchinson estimate.</param>
/// <param name="BlockSize">b ≥ 1: D is averaged over consecutive blocks of b weights (bias kept apart); 1 = none.</param>
/// <param name="UpdateInterval">T_h ≥ 1: D is recomputed at steps 1, 1 + T_h, 1 + 2T_h, … and reused in between.</param>
public sealed record CurvatureOptions(
    CurvatureKind Kind = CurvatureKind.Hutchinson,
    int Samples = 1,
    int BlockSize = 1,
    int UpdateInterval = 1)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown curvature kind.");
        }

        OptionChecks.AtLeastOne(Samples, nameof(Samples));
        OptionChecks.AtLeastOne(BlockSize, nameof(BlockSize));
        OptionChecks.AtLeastOne(UpdateInterval, nameof(UpdateInterval));
    }

    /// <summary>True when D must be recomputed before step <paramref name="step"/> (1-based).</summary>
    public bool IsRefreshStep(long step) => (step - 1) % UpdateInterval == 0;
}
