namespace AdaHessian.Regularization;

/// <summary>Settings of <see cref="L2Search"/>. The strengths have ML.NET's meaning: the objective is Σωℓ + (λ/2)‖w‖².</summary>
public sealed record L2SearchOptions
{
    /// <summary>
    /// Folds of the cross-validation, ≥ 2. Default null: 10 up to <see cref="ManyFoldsUpTo"/> rows, where a fold's
    /// held-out loss is noisy and fits are cheap, else 3.
    /// </summary>
    public int? Folds { get; init; }

    /// <summary>The most rows searched with 10 folds when <see cref="Folds"/> is null.</summary>
    public const int ManyFoldsUpTo = 4096;

    /// <summary>The folds for <paramref name="rows"/> searched rows.</summary>
    public int FoldsFor(int rows) => Folds ?? (rows <= ManyFoldsUpTo ? 10 : 3);

    /// <summary>The smallest strength considered, &gt; 0. Default 1e-5.</summary>
    public double Minimum { get; init; } = 1e-5;

    /// <summary>The largest strength considered, &gt; <see cref="Minimum"/>. Default 1e3.</summary>
    public double Maximum { get; init; } = 1e3;

    /// <summary>
    /// Grid points per decade of the path, ≥ 1. Default 1 (λ steps by 10): a parabola through the best point and its
    /// neighbours refines the choice within the decade, and on the suite's data sets two points a decade chose no
    /// better models at 1.3–1.5× the passes.
    /// </summary>
    public int PointsPerDecade { get; init; } = 1;

    /// <summary>Hutchinson probes of the evidence's trace, ≥ 1. Default 8.</summary>
    public int Probes { get; init; } = 8;

    /// <summary>Seeds the folds and the probes.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Relative accuracy of every inner solve: each stops when Newton's decrement says at most this fraction of the
    /// objective is left. Default 1e-5: the held-out losses it scores then agree with exact fits to about 1e-5, far
    /// below the differences between strengths that decide.
    /// </summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>
    /// Rows the search fits at most, ≥ 2; larger data is searched on a stratified sample of this many rows. A strength
    /// in ML.NET's units is a prior precision, which does not shrink with the row count, so the sample's choice
    /// carries over; it bounds the search's cost on large data. Default 65,536.
    /// </summary>
    public int MaximumRows { get; init; } = 65_536;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that breaks its rule.</summary>
    public void Validate()
    {
        if (Folds is { } folds)
        {
            OptionChecks.AtLeast(folds, 2, nameof(Folds));
        }

        OptionChecks.Positive(Minimum, nameof(Minimum));
        OptionChecks.Positive(Maximum, nameof(Maximum));
        if (!(Maximum > Minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(Maximum), Maximum, $"Must be > Minimum ({Minimum}).");
        }

        OptionChecks.AtLeastOne(PointsPerDecade, nameof(PointsPerDecade));
        OptionChecks.AtLeastOne(Probes, nameof(Probes));
        OptionChecks.Positive(Tolerance, nameof(Tolerance));
        OptionChecks.AtLeast(MaximumRows, 2, nameof(MaximumRows));
    }

    /// <summary>The path's strengths, largest first: Maximum, then down by 10^(1/PointsPerDecade) to Minimum.</summary>
    public double[] Grid()
    {
        int intervals = Math.Max(1, (int)Math.Ceiling(Math.Log10(Maximum / Minimum) * PointsPerDecade - 1e-9));
        var grid = new double[intervals + 1];
        double logMax = Math.Log(Maximum), logMin = Math.Log(Minimum);
        for (int i = 0; i <= intervals; i++)
        {
            grid[i] = Math.Exp(logMax + (logMin - logMax) * i / intervals);
        }

        grid[0] = Maximum;
        grid[intervals] = Minimum;
        return grid;
    }
}
