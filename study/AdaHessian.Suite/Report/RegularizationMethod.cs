using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Report;

/// <summary>One way of getting an L2 that the regularisation study compares: its name, and per dataset its L2 and test log-loss.</summary>
/// <param name="Name">The name in the study's tables.</param>
/// <param name="L2">The L2 it used on a dataset (NaN when it gave no model there).</param>
/// <param name="TestLogLoss">The test log-loss of its model on a dataset (NaN when it gave none).</param>
internal sealed record RegularizationMethod(string Name, Func<DatasetOutcome, double> L2, Func<DatasetOutcome, double> TestLogLoss)
{
    /// <summary>The name of the best L2 of the grid in hindsight, chosen by test log-loss (an oracle, not a method a user has).</summary>
    public const string Hindsight = "best grid L2 in hindsight";

    /// <summary>L-BFGS at L2 = 1, then every regularisation source of <paramref name="result"/>, in source order.</summary>
    public static IReadOnlyList<RegularizationMethod> Choices(SuiteResult result) =>
    [
        new($"{TrainerRegistry.Baseline}, L2 = {TrainerRegistry.L2:0}", d => d.Baseline is null ? double.NaN : TrainerRegistry.L2,
            d => d.Baseline?.TestLogLoss ?? double.NaN),
        .. result.Regularization.Select(s => new RegularizationMethod(s.Name, d => Outcome(d, s.Name)?.L2 ?? double.NaN,
            d => Outcome(d, s.Name)?.TestLogLoss ?? double.NaN)),
    ];

    /// <summary>The path's lowest test log-loss and its L2 (NaN without a path).</summary>
    public static RegularizationMethod BestInHindsight { get; } =
        new(Hindsight, d => d.Path?.Best?.L2 ?? double.NaN, d => d.Path?.Best?.TestLogLoss ?? double.NaN);

    /// <summary>
    /// The datasets of <paramref name="result"/> on which every method of <paramref name="methods"/> gave a model with
    /// a positive, finite test log-loss and L-BFGS's test log-loss at L2 = 1 is at least <see cref="SuiteSummary.ExcessFloor"/>
    /// (a ratio to a loss of almost 0 says nothing).
    /// </summary>
    public static IReadOnlyList<DatasetOutcome> Comparable(SuiteResult result, params RegularizationMethod[] methods) =>
    [
        .. result.Datasets.Where(d => !d.Skipped && d.Baseline is { } b && b.TestLogLoss >= SuiteSummary.ExcessFloor &&
            methods.All(m => m.TestLogLoss(d) is var x && x > 0 && double.IsFinite(x))),
    ];

    private static RegularizationOutcome? Outcome(DatasetOutcome d, string source) =>
        d.Regularization.FirstOrDefault(o => o.Source == source && o.Succeeded);
}
