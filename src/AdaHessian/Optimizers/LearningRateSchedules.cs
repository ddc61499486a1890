namespace AdaHessian.Optimizers;

/// <summary>Builds the schedule a <see cref="LearningRateDecay"/> names.</summary>
public static class LearningRateSchedules
{
    /// <summary>η decayed over <paramref name="totalSteps"/> steps as <paramref name="decay"/> says.</summary>
    /// <exception cref="ArgumentOutOfRangeException">η is not finite and positive, the budget is below 1, or the decay is unknown.</exception>
    public static ILearningRateSchedule Create(LearningRateDecay decay, double rate, long totalSteps)
    {
        OptionChecks.Positive(rate, nameof(rate));
        OptionChecks.AtLeastOne(totalSteps, nameof(totalSteps));
        return decay switch
        {
            LearningRateDecay.None => new ConstantLearningRate(rate),
            LearningRateDecay.Cosine => new CosineLearningRate(rate, totalSteps),
            LearningRateDecay.Linear => new LinearDecayLearningRate(rate, totalSteps),
            _ => throw new ArgumentOutOfRangeException(nameof(decay), decay, "Unknown learning-rate decay."),
        };
    }
}
