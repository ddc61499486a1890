namespace AdaHessian.Study.Experiments.SeedReplication;

/// <summary>When a loss curve has "stabilised", under the two readings the experiment tests.</summary>
internal static class SettledEpochs
{
    /// <summary>Width of the band, as a fraction, inside which the loss counts as settled.</summary>
    public const double Band = 0.01;

    /// <summary>The two readings of "stabilises": the band is a fraction of the final loss, or of the total decrease.</summary>
    public static readonly (string Key, string Text)[] Definitions =
    [
        ("stable_epoch", "within 1 % of its final value: |L_t − L_T| ≤ 0.01·L_T for every t ≥ e"),
        ("plateau_epoch", "within 1 % of its total decrease: |L_t − L_T| ≤ 0.01·(L_0 − L_T) for every t ≥ e (about where a linear-scale loss curve looks flat)"),
    ];

    /// <summary>
    /// The first epoch from which the loss stays within <paramref name="tolerance"/> of its final value L_T: the
    /// smallest e with |L_t − L_T| ≤ tolerance for every t in [e, T] (0 when the whole run is inside the band).
    /// </summary>
    public static int Settled(IReadOnlyList<double> loss, double tolerance)
    {
        for (int t = loss.Count - 1; t >= 0; t--)
        {
            if (Math.Abs(loss[t] - loss[^1]) > tolerance)
            {
                return t + 1;
            }
        }

        return 0;
    }

    /// <summary>Stabilisation epoch with the band a fraction of the final loss (the literal reading of "stabilises").</summary>
    public static int Stable(IReadOnlyList<double> loss) => Settled(loss, Band * Math.Abs(loss[^1]));

    /// <summary>Stabilisation epoch with the band a fraction of the total decrease L_0 − L_T (the visual plateau).</summary>
    public static int Plateau(IReadOnlyList<double> loss) => Settled(loss, Band * Math.Abs(loss[0] - loss[^1]));
}
