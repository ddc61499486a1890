using AdaHessian.Objective;

namespace AdaHessian.Optimizers;

/// <summary>
/// Adam's and AdaHessian's preconditioner: m ← β₁m + (1−β₁)u, v ← β₂v + (1−β₂)s², and
/// u ← (m / (1−β₁ᵗ)) / ((√(v / (1−β₂ᵗ)))ᵏ + ε), where u is the incoming update and s is u itself
/// (<see cref="SecondMomentSource.Gradient"/>, Adam) or the curvature D (<see cref="SecondMomentSource.Curvature"/>,
/// AdaHessian).
/// </summary>
/// <param name="Beta1">β₁ in [0, 1).</param>
/// <param name="Beta2">β₂ in [0, 1).</param>
/// <param name="Epsilon">ε &gt; 0, added after the power.</param>
/// <param name="Power">k in [0, 1].</param>
/// <param name="Source">What v averages the square of.</param>
public sealed record ScaleByMoments(double Beta1, double Beta2, double Epsilon, double Power, SecondMomentSource Source)
    : IUpdateTransform
{
    /// <inheritdoc />
    public TransformState Init(ParameterLayout layout) => new MomentState(layout.ParameterCount);

    /// <inheritdoc />
    public void Update(in UpdateInput input, TransformState state, Span<double> updates)
    {
        var moments = (MomentState)state;
        ReadOnlySpan<double> second = Source == SecondMomentSource.Curvature ? input.Curvature : updates;
        if (second.Length != updates.Length)
        {
            throw new InvalidOperationException("AdaHessian's preconditioner needs a curvature estimate for every parameter; " +
                "the training run estimates none (set TrainingOptions.Curvature).");
        }

        MomentScaling.Update(updates, second, moments.M, moments.V, input.Step, Beta1, Beta2, Epsilon, Power, updates);
    }
}
