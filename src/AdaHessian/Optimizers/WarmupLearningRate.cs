namespace AdaHessian.Optimizers;

/// <summary>
/// A linear warm-up in front of another schedule: η_t = inner(t)·t/W for t ≤ W, then inner(t). Damps the first steps,
/// whose second-moment estimate rests on a handful of samples.
/// </summary>
/// <param name="Inner">The schedule after (and under) the warm-up.</param>
/// <param name="WarmupSteps">W ≥ 1.</param>
public sealed record WarmupLearningRate(ILearningRateSchedule Inner, long WarmupSteps) : ILearningRateSchedule
{
    /// <inheritdoc />
    public double RateAt(long step) =>
        step < WarmupSteps ? Inner.RateAt(step) * Math.Max(step, 1) / WarmupSteps : Inner.RateAt(step);
}
