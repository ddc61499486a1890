using AdaHessian.Study.Statistics;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>
/// An AdaHessian variant against Adam on one problem, seed by seed, each at its own best learning rate.
/// A win is a strictly lower final F − F* on the same seed (same data draw or start).
/// </summary>
internal sealed record PairedComparison(
    SweepProblem Problem,
    OptimizerVariant Optimizer,
    double LearningRate,
    double BaselineLearningRate,
    int Wins,
    int Losses,
    int Ties,
    WilcoxonResult Wilcoxon,
    double SignTestP)
{
    /// <summary>Significance level for "significantly better" in the generated conclusions.</summary>
    public const double Alpha = 0.05;

    /// <summary>Seeds compared.</summary>
    public int Count => Wins + Losses + Ties;

    /// <summary>More wins than losses and Wilcoxon p &lt; <see cref="Alpha"/>.</summary>
    public bool SignificantlyBetter => Wins > Losses && Wilcoxon.PValue < Alpha;

    /// <summary>More losses than wins and Wilcoxon p &lt; <see cref="Alpha"/>.</summary>
    public bool SignificantlyWorse => Losses > Wins && Wilcoxon.PValue < Alpha;
}
