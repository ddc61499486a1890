using AdaHessian.Curvature;

namespace AdaHessian.Optimizers;

/// <summary>
/// AdaHessian (Yao et al., AAAI 2021): Adam's skeleton with the squared gradient replaced by the squared
/// (spatially averaged) Hessian diagonal D and a Hessian power k:
/// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)D²; θ ← θ − η[(m/(1−β₁ᵗ)) / ((√(v/(1−β₂ᵗ)))ᵏ + ε) + λ_wd θ].
/// D comes from outside (see <see cref="CurvatureEstimator"/>); the optimizer never calls the loss.
/// </summary>
public sealed class AdaHessianOptimizer : IOptimizer
{
    /// <summary>Creates the optimizer; the options are validated here.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public AdaHessianOptimizer(AdaHessianOptions? options = null)
    {
        Options = options ?? new AdaHessianOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public AdaHessianOptions Options { get; }

    /// <inheritdoc />
    public string Name => Options.Curvature.Kind == CurvatureKind.ExactDiagonal
        ? $"AdaHessian exact (k={Options.HessianPower:0.##})"
        : $"AdaHessian (k={Options.HessianPower:0.##})";

    /// <inheritdoc />
    public double LearningRate => Options.LearningRate;

    /// <inheritdoc />
    public CurvatureOptions? Curvature => Options.Curvature;

    /// <inheritdoc />
    public MomentState Init(int parameterCount) => MomentState.Create(parameterCount);

    /// <inheritdoc />
    public MomentState Step(ReadOnlySpan<double> gradient, ReadOnlySpan<double> curvature, MomentState state,
        Span<double> parameters, Span<double> scratch)
    {
        MomentState next = MomentScaling.Update(gradient, curvature, state, Options.Beta1, Options.Beta2, Options.Epsilon,
            Options.HessianPower, scratch);
        MomentScaling.Apply(scratch, Options.LearningRate, Options.WeightDecay, parameters);
        return next;
    }
}
