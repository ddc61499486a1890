using AdaHessian.Objective;

namespace AdaHessian.Optimizers;

/// <summary>The last link of a chain: u ← −η_t·u, so that the chain's output is added to θ.</summary>
/// <param name="Schedule">η_t.</param>
public sealed record ScaleByLearningRate(ILearningRateSchedule Schedule) : IUpdateTransform
{
    /// <inheritdoc />
    public TransformState Init(ParameterLayout layout) => TransformState.None;

    /// <inheritdoc />
    public void Update(in UpdateInput input, TransformState state, Span<double> updates) =>
        MomentScaling.Scale(updates, -Schedule.RateAt(input.Step));
}
