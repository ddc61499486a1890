namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>A multiclass suite run: the datasets' outcomes, the methods that ran, and how.</summary>
/// <param name="Datasets">One per selected dataset, in report order (skipped ones included).</param>
/// <param name="Methods">The methods, in table order.</param>
/// <param name="Fits">Timed fits per trainer and dataset.</param>
/// <param name="TotalSeconds">Wall time of the whole run, warm-up included.</param>
internal sealed record MulticlassSuiteResult(
    IReadOnlyList<MulticlassDatasetOutcome> Datasets,
    IReadOnlyList<IMulticlassMethod> Methods,
    int Fits,
    double TotalSeconds)
{
    /// <summary>The datasets that ran.</summary>
    public IEnumerable<MulticlassDatasetOutcome> Ran => Datasets.Where(d => !d.Skipped);
}
