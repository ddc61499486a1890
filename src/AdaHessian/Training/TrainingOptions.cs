namespace AdaHessian.Training;

/// <summary>How long and on what batches to train.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the data, ≥ 1. Default 20.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Rows per step, ≥ 1; a value ≥ the row count (or null) means full batch. Default null.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Shuffle the rows before every epoch (mini-batches only). Default true.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seeds shuffling and the Hutchinson probes. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Stop when an epoch changes the objective by at most this fraction of its value; 0 disables. Default 0.
    /// </summary>
    public double Tolerance { get; init; }

    /// <summary>Which points to record. Default <see cref="HistoryGranularity.Epoch"/>.</summary>
    public HistoryGranularity History { get; init; } = HistoryGranularity.Epoch;

    /// <summary>Copy the parameters into every history point (needed for trajectories). Default true.</summary>
    public bool RecordParameters { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        OptionChecks.AtLeastOne(Epochs, nameof(Epochs));
        if (BatchSize is { } batch)
        {
            OptionChecks.AtLeastOne(batch, nameof(BatchSize));
        }

        OptionChecks.NonNegative(Tolerance, nameof(Tolerance));
        if (!Enum.IsDefined(History))
        {
            throw new ArgumentOutOfRangeException(nameof(History), History, "Unknown history granularity.");
        }
    }
}
