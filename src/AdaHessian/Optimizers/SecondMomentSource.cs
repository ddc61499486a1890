namespace AdaHessian.Optimizers;

/// <summary>What <see cref="ScaleByMoments"/> squares into its second moment.</summary>
public enum SecondMomentSource
{
    /// <summary>The incoming update (the gradient when the link comes first): Adam.</summary>
    Gradient,

    /// <summary>The curvature estimate D: AdaHessian.</summary>
    Curvature,
}
