using AdaHessian.Objective;

namespace AdaHessian.Optimizers;

/// <summary>
/// Decoupled weight decay (AdamW): u ← u + λ_wd·θ on every weight; biases are never decayed. Placed before the
/// learning rate, so the step subtracts η·λ_wd·θ.
/// </summary>
/// <param name="Decay">λ_wd ≥ 0.</param>
public sealed record AddDecayedWeights(double Decay) : IUpdateTransform
{
    /// <inheritdoc />
    public TransformState Init(ParameterLayout layout) => TransformState.None;

    /// <inheritdoc />
    public void Update(in UpdateInput input, TransformState state, Span<double> updates) =>
        MomentScaling.AddDecayedWeights(input.Parameters, Decay, input.Layout, updates);
}
