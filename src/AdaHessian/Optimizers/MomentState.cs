namespace AdaHessian.Optimizers;

/// <summary>
/// Optimizer state: the number of steps taken, the first moment m (EMA of gradients) and the second moment v
/// (EMA of squared gradients for Adam, of squared curvature D² for AdaHessian). The arrays are updated in place.
/// </summary>
public readonly record struct MomentState(long Step, double[] M, double[] V)
{
    /// <summary>A fresh state for <paramref name="parameterCount"/> parameters.</summary>
    public static MomentState Create(int parameterCount) =>
        new(0, new double[parameterCount], new double[parameterCount]);
}
