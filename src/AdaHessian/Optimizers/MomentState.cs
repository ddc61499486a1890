namespace AdaHessian.Optimizers;

/// <summary>
/// The state of <see cref="ScaleByMoments"/>: the first moment m (EMA of gradients) and the second moment v (EMA of
/// squared gradients for Adam, of squared curvature D² for AdaHessian). Both arrays change in place every step.
/// </summary>
public sealed class MomentState : TransformState
{
    internal MomentState(int parameterCount)
    {
        M = new double[parameterCount];
        V = new double[parameterCount];
    }

    /// <summary>m, the first moment.</summary>
    public double[] M { get; }

    /// <summary>v, the second moment.</summary>
    public double[] V { get; }
}
