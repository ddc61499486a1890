using AdaHessian.Curvature;
using AdaHessian.Optimizers;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>
/// An optimizer of the sweep: a key for files, a label for figures, a factory taking the learning rate, and the
/// curvature the training loop must estimate for it (null for Adam).
/// </summary>
internal sealed record SweepOptimizer(string Key, string Label, Func<double, Optimizer> Create, CurvatureOptions? Curvature)
{
    /// <summary>Adam (PyTorch defaults) first, the baseline of the paired comparisons; then the AdaHessian variants.</summary>
    public static IReadOnlyList<SweepOptimizer> All { get; } =
    [
        new("adam", "Adam", rate => Optimizer.Adam(new AdamOptions { LearningRate = rate }), null),
        new("adahessian-k1", "AdaHessian k=1", rate => Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = rate }),
            new CurvatureOptions()),
        new("adahessian-k0.5", "AdaHessian k=0.5",
            rate => Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = rate, HessianPower = 0.5 }), new CurvatureOptions()),
        new("adahessian-exact", "AdaHessian exact k=1", rate => Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = rate }),
            new CurvatureOptions(CurvatureKind.ExactDiagonal)),
    ];

    /// <summary>True for the baseline (Adam).</summary>
    public bool IsBaseline => ReferenceEquals(this, All[0]);
}
