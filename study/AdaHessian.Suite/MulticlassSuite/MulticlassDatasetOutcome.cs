namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>One dataset's run: its shape and every method's outcome, or why it was skipped.</summary>
/// <param name="Name">The dataset's name.</param>
/// <param name="Source">Where its rows come from.</param>
/// <param name="SkipReason">Why it did not run, or null when it ran.</param>
internal sealed record MulticlassDatasetOutcome(string Name, string Source, string? SkipReason)
{
    /// <summary>True when the dataset did not run.</summary>
    public bool Skipped => SkipReason is not null;

    /// <summary>True when the files come split; else the split is <see cref="Data.StratifiedSplit"/>'s.</summary>
    public bool FixedSplit { get; init; }

    /// <summary>Training rows.</summary>
    public int TrainRows { get; init; }

    /// <summary>Test rows.</summary>
    public int TestRows { get; init; }

    /// <summary>Features per row (after one-hot encoding).</summary>
    public int Features { get; init; }

    /// <summary>Declared classes (the key's size).</summary>
    public int Classes { get; init; }

    /// <summary>Classes with at least one training row.</summary>
    public int ClassesInTrain { get; init; }

    /// <summary>One outcome per method, in table order.</summary>
    public IReadOnlyList<MulticlassMethodOutcome> Methods { get; init; } = [];

    /// <summary>The outcome of the method named <paramref name="method"/>, or null when it did not run here.</summary>
    public MulticlassMethodOutcome? Find(string method) => Methods.FirstOrDefault(o => o.Method == method);
}
