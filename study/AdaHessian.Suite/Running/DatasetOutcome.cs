using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Running;

/// <summary>One dataset's row of the suite: its shape, the reference optimum and every trainer's outcome.</summary>
/// <param name="Name">The dataset's name.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="SkipReason">Why it did not run, or null when it did.</param>
internal sealed record DatasetOutcome(string Name, string Source, string? SkipReason)
{
    /// <summary>Below this |F*| the gap is absolute (F − F*) rather than relative: a relative gap means nothing at F* ≈ 0.</summary>
    public const double RelativeGapFloor = 1e-4;

    /// <summary>Training rows.</summary>
    public int TrainRows { get; init; }

    /// <summary>Test rows.</summary>
    public int TestRows { get; init; }

    /// <summary>Feature columns.</summary>
    public int Features { get; init; }

    /// <summary>True when the rows are stored sparse.</summary>
    public bool Sparse { get; init; }

    /// <summary>Stored values per training row (the feature count when dense).</summary>
    public double ValuesPerRow { get; init; }

    /// <summary>True when the features were min-max normalised on the training split.</summary>
    public bool Normalized { get; init; }

    /// <summary>F at w = 0, b = 0 (ln 2): the zero model every trainer must not be worse than.</summary>
    public double ZeroObjective { get; init; } = double.NaN;

    /// <summary>F of the reference fit.</summary>
    public double ReferenceObjective { get; init; } = double.NaN;

    /// <summary>F*: the lowest F of the reference and every successful trainer.</summary>
    public double OptimumObjective { get; init; } = double.NaN;

    /// <summary>Wall time of the reference fit, seconds.</summary>
    public double ReferenceSeconds { get; init; } = double.NaN;

    /// <summary>The trainers' outcomes, in trainer order.</summary>
    public IReadOnlyList<TrainerOutcome> Trainers { get; init; } = [];

    /// <summary>The regularisation sources' outcomes, in source order.</summary>
    public IReadOnlyList<RegularizationOutcome> Regularization { get; init; } = [];

    /// <summary>L-BFGS's test log-loss along the L2 grid, or null when the regularisation study did not run.</summary>
    public PathOutcome? Path { get; init; }

    /// <summary>True when the dataset was skipped.</summary>
    public bool Skipped => SkipReason is not null;

    /// <summary>True when the gap is absolute because |F*| is below <see cref="RelativeGapFloor"/>.</summary>
    public bool AbsoluteGap => Math.Abs(OptimumObjective) < RelativeGapFloor;

    /// <summary>(F − F*)/|F*| (absolute F − F* when |F*| is tiny); NaN after an error.</summary>
    public double Gap(TrainerOutcome outcome) =>
        (outcome.Objective - OptimumObjective) / (AbsoluteGap ? 1 : Math.Abs(OptimumObjective));

    /// <summary>The baseline trainer's outcome, or null when it did not run or failed.</summary>
    public TrainerOutcome? Baseline =>
        Trainers.FirstOrDefault(t => t.Trainer == TrainerRegistry.Baseline && t.Succeeded);

    /// <summary>The trainer's median fit time over the baseline's; NaN without a baseline.</summary>
    public double TimeRatio(TrainerOutcome outcome) =>
        Baseline is { } baseline && outcome.FitSeconds.Count > 0 ? outcome.MedianSeconds / baseline.MedianSeconds : double.NaN;

    /// <summary>The source's test log-loss over the baseline's (L2 = 1); NaN when either has none.</summary>
    public double TestRatio(RegularizationOutcome outcome) =>
        Baseline is { } baseline && outcome.Succeeded ? outcome.TestLogLoss / baseline.TestLogLoss : double.NaN;
}
