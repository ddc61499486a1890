using ScottPlot;

namespace AdaHessian.Study.Experiments.SeedReplication;

/// <summary>An optimizer of the seed replication with the colour of its path in every figure.</summary>
internal sealed record SeedVariant(OptimizerVariant Optimizer, Color Color)
{
    /// <summary>
    /// Adam, AdaHessian with its defaults, and AdaHessian with the exact diagonal: with two parameters one probe
    /// estimates |H_ww ± H_wb| rather than |H_ww|, so the exact variant shows what the estimate costs.
    /// </summary>
    public static IReadOnlyList<SeedVariant> All { get; } =
    [
        new(OptimizerVariant.Adam, Color.FromHex("#d62728")),
        new(OptimizerVariant.AdaHessian.Named("adahessian", "AdaHessian (Hutchinson)"), Color.FromHex("#1a1a1a")),
        new(OptimizerVariant.AdaHessianExact.Named("adahessian-exact", "AdaHessian (exact diagonal)"), Color.FromHex("#7b3fbf")),
    ];

    /// <summary>Key for files and the summary.</summary>
    public string Key => Optimizer.Key;

    /// <summary>Label for figures and the report.</summary>
    public string Label => Optimizer.Label;
}
