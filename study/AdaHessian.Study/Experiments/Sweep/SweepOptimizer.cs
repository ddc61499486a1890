using AdaHessian.Curvature;
using AdaHessian.Optimizers;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>An optimizer of the sweep: a key for files, a label for figures, and a factory taking the learning rate.</summary>
internal sealed record SweepOptimizer(string Key, string Label, Func<double, IOptimizer> Create)
{
    /// <summary>Adam (PyTorch defaults) first, the baseline of the paired comparisons; then the AdaHessian variants.</summary>
    public static IReadOnlyList<SweepOptimizer> All { get; } =
    [
        new("adam", "Adam", rate => new AdamOptimizer(new AdamOptions { LearningRate = rate })),
        new("adahessian-k1", "AdaHessian k=1", rate => new AdaHessianOptimizer(new AdaHessianOptions { LearningRate = rate })),
        new("adahessian-k0.5", "AdaHessian k=0.5",
            rate => new AdaHessianOptimizer(new AdaHessianOptions { LearningRate = rate, HessianPower = 0.5 })),
        new("adahessian-exact", "AdaHessian exact k=1", rate => new AdaHessianOptimizer(new AdaHessianOptions
        {
            LearningRate = rate,
            Curvature = new CurvatureOptions(CurvatureKind.ExactDiagonal),
        })),
    ];

    /// <summary>True for the baseline (Adam).</summary>
    public bool IsBaseline => ReferenceEquals(this, All[0]);
}
