namespace AdaHessian.Optimizers;

/// <summary>Linear decay from η to 0 over T steps: η_t = η·(1 − (t − 1)/T) for t = 1 … T, the last value after T.</summary>
/// <param name="Rate">η &gt; 0, the first step's rate.</param>
/// <param name="TotalSteps">T ≥ 1, the run's step budget.</param>
public sealed record LinearDecayLearningRate(double Rate, long TotalSteps) : ILearningRateSchedule
{
    /// <inheritdoc />
    public double RateAt(long step)
    {
        long t = Math.Clamp(step, 1, TotalSteps);
        return Rate * (1 - (double)(t - 1) / TotalSteps);
    }
}
