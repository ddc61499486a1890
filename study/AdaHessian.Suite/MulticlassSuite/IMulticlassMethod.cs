namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>One row of the multiclass suite's table: a trainer at its settings, or a search that chooses a trainer's L2.</summary>
internal interface IMulticlassMethod
{
    /// <summary>Short name, as the tables show it.</summary>
    string Name { get; }

    /// <summary>What it runs, for the report's method section.</summary>
    string Settings { get; }

    /// <summary>Fits on <paramref name="data"/>'s training view (<paramref name="fits"/> timed fits where that applies) and scores the test view.</summary>
    MulticlassMethodOutcome Run(PreparedMulticlass data, int fits);
}
