namespace AdaHessian.Optimizers;

/// <summary>The same η at every step.</summary>
/// <param name="Rate">η &gt; 0.</param>
public sealed record ConstantLearningRate(double Rate) : ILearningRateSchedule
{
    /// <inheritdoc />
    public double RateAt(long step) => Rate;
}
