using AdaHessian.Curvature;
using AdaHessian.Optimizers;

namespace AdaHessian.Study.Experiments;

/// <summary>
/// An optimizer the experiments compare: a key for files, a label for figures and reports, a factory taking the
/// learning rate, and the curvature the training loop must estimate for it (null for Adam). Every core optimizer
/// the study builds is built here; experiments pick and rename these.
/// </summary>
internal sealed record OptimizerVariant(string Key, string Label, Func<double, Optimizer> Create, CurvatureOptions? Curvature)
{
    /// <summary>Adam with PyTorch's defaults but the learning rate.</summary>
    public static OptimizerVariant Adam { get; } =
        new("adam", "Adam", rate => Optimizer.Adam(new AdamOptions { LearningRate = rate }), null);

    /// <summary>AdaHessian with the official defaults (Hutchinson, one probe, k = 1) but the learning rate.</summary>
    public static OptimizerVariant AdaHessian { get; } = new("adahessian-k1", "AdaHessian k=1",
        rate => Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = rate }), new CurvatureOptions());

    /// <summary>AdaHessian with Hessian power k = 0.5.</summary>
    public static OptimizerVariant AdaHessianHalfPower { get; } = new("adahessian-k0.5", "AdaHessian k=0.5",
        rate => Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = rate, HessianPower = 0.5 }), new CurvatureOptions());

    /// <summary>AdaHessian with the exact Hessian diagonal in place of Hutchinson's estimate (no probes, so no seed).</summary>
    public static OptimizerVariant AdaHessianExact { get; } = new("adahessian-exact", "AdaHessian exact k=1",
        rate => Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = rate }), new CurvatureOptions(CurvatureKind.ExactDiagonal));

    /// <summary>The same optimizer under another key and label (experiments name the variants they compare).</summary>
    public OptimizerVariant Named(string key, string label) => this with { Key = key, Label = label };
}
