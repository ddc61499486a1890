namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>The optimizers of the sweep.</summary>
internal static class SweepOptimizer
{
    /// <summary>Adam (PyTorch defaults) first, the baseline of the paired comparisons; then the AdaHessian variants.</summary>
    public static IReadOnlyList<OptimizerVariant> All { get; } =
        [OptimizerVariant.Adam, OptimizerVariant.AdaHessian, OptimizerVariant.AdaHessianHalfPower, OptimizerVariant.AdaHessianExact];
}
