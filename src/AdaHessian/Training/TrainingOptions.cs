using AdaHessian.Curvature;

namespace AdaHessian.Training;

/// <summary>
/// How long and on what batches to train, and where curvature comes from. The names and defaults are those of the
/// ML.NET trainers' options, which map onto these one to one.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the data, ≥ 1. Default 30.</summary>
    public int NumberOfEpochs { get; init; } = 30;

    /// <summary>Rows per step, ≥ 1; a value ≥ the row count (or null) means full batch. Default 256.</summary>
    public int? BatchSize { get; init; } = 256;

    /// <summary>Shuffle the rows before every epoch (mini-batches only). Default true.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seeds shuffling and the Hutchinson probes. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Stop when an epoch changes the objective by at most this fraction of its value; 0 disables. Default 0.
    /// </summary>
    public double OptimizationTolerance { get; init; }

    /// <summary>
    /// How the curvature D is estimated, averaged and refreshed for an optimizer that uses it (AdaHessian); null gives
    /// such an optimizer the official setting (Hutchinson, one probe, no averaging, refreshed every step). Must be null
    /// for an optimizer that uses none (Adam). Default null.
    /// </summary>
    public CurvatureOptions? Curvature { get; init; }

    /// <summary>
    /// With a validation objective: stop once it has not improved for this many epochs (in full batch, where an epoch
    /// is one step, this many windows of 10 steps), and return the best epoch's parameters; 0 evaluates it without
    /// stopping. ≥ 0. Default 5.
    /// </summary>
    public int EarlyStoppingRound { get; init; } = 5;

    /// <summary>
    /// What counts as divergence besides a non-finite value. Default <see cref="DivergenceCheck.AboveStart"/>: a run
    /// never returns parameters whose objective is above the starting point's.
    /// </summary>
    public DivergenceCheck Divergence { get; init; } = DivergenceCheck.AboveStart;

    /// <summary>Which points to record. Default <see cref="HistoryGranularity.Epoch"/>.</summary>
    public HistoryGranularity History { get; init; } = HistoryGranularity.Epoch;

    /// <summary>Copy the parameters into every history point (needed for trajectories). Default true.</summary>
    public bool RecordParameters { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        OptionChecks.AtLeastOne(NumberOfEpochs, nameof(NumberOfEpochs));
        OptionChecks.NullOrAtLeastOne(BatchSize, nameof(BatchSize), "full batch");

        OptionChecks.NonNegative(OptimizationTolerance, nameof(OptimizationTolerance));
        Curvature?.Validate();
        OptionChecks.NonNegative(EarlyStoppingRound, nameof(EarlyStoppingRound));
        OptionChecks.Defined(Divergence, nameof(Divergence));
        OptionChecks.Defined(History, nameof(History));
    }
}
