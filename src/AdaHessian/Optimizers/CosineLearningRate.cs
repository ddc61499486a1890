namespace AdaHessian.Optimizers;

/// <summary>
/// Cosine decay from η to 0 over T steps: η_t = η·½(1 + cos(π(t − 1)/T)) for t = 1 … T (η_T is still positive), and
/// the last value after T. Removes the noise floor a constant step leaves on mini-batches.
/// </summary>
/// <param name="Rate">η &gt; 0, the first step's rate.</param>
/// <param name="TotalSteps">T ≥ 1, the run's step budget.</param>
public sealed record CosineLearningRate(double Rate, long TotalSteps) : ILearningRateSchedule
{
    /// <inheritdoc />
    public double RateAt(long step)
    {
        long t = Math.Clamp(step, 1, TotalSteps);
        return Rate * 0.5 * (1 + Math.Cos(Math.PI * (t - 1) / TotalSteps));
    }
}
