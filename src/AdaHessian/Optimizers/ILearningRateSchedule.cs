namespace AdaHessian.Optimizers;

/// <summary>η as a function of the step number.</summary>
public interface ILearningRateSchedule
{
    /// <summary>η for step <paramref name="step"/> (1 for the first), &gt; 0 and finite.</summary>
    double RateAt(long step);
}
