using AdaHessian.Curvature;

namespace AdaHessian.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba) with optional decoupled weight decay (AdamW):
/// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − η[(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε) + λ_wd θ].
/// </summary>
public sealed class AdamOptimizer : IOptimizer
{
    /// <summary>Creates the optimizer; the options are validated here.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public AdamOptimizer(AdamOptions? options = null)
    {
        Options = options ?? new AdamOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public AdamOptions Options { get; }

    /// <inheritdoc />
    public string Name => Options.WeightDecay > 0 ? "AdamW" : "Adam";

    /// <inheritdoc />
    public double LearningRate => Options.LearningRate;

    /// <inheritdoc />
    public CurvatureOptions? Curvature => null;

    /// <inheritdoc />
    public MomentState Init(int parameterCount) => MomentState.Create(parameterCount);

    /// <inheritdoc />
    public MomentState Step(ReadOnlySpan<double> gradient, ReadOnlySpan<double> curvature, MomentState state,
        Span<double> parameters, Span<double> scratch)
    {
        MomentState next = MomentScaling.Update(gradient, gradient, state, Options.Beta1, Options.Beta2, Options.Epsilon,
            power: 1, scratch);
        MomentScaling.Apply(scratch, Options.LearningRate, Options.WeightDecay, parameters);
        return next;
    }
}
