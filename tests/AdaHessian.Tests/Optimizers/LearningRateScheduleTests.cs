using AdaHessian.Optimizers;

namespace AdaHessian.Tests.Optimizers;

public class LearningRateScheduleTests
{
    [Fact]
    public void Cosine_starts_at_eta_halves_at_the_middle_and_stays_positive_at_the_end()
    {
        var cosine = new CosineLearningRate(0.8, TotalSteps: 100);
        Assert.Equal(0.8, cosine.RateAt(1));
        Assert.Equal(0.4, cosine.RateAt(51), 15);            // cos(π/2) = 0
        Assert.Equal(0.8 * 0.5 * (1 + Math.Cos(Math.PI * 99 / 100)), cosine.RateAt(100), 15);
        Assert.True(cosine.RateAt(100) > 0);
        Assert.Equal(cosine.RateAt(100), cosine.RateAt(250)); // past the budget: the last value
        Assert.True(Enumerable.Range(1, 99).All(t => cosine.RateAt(t + 1) < cosine.RateAt(t)));
    }

    [Fact]
    public void Linear_decay_falls_by_eta_over_T_per_step()
    {
        var linear = new LinearDecayLearningRate(0.5, TotalSteps: 10);
        double[] expected = [0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05];
        for (int t = 1; t <= 10; t++)
        {
            Assert.Equal(expected[t - 1], linear.RateAt(t), 15);
        }

        Assert.Equal(0.05, linear.RateAt(11), 15);
    }

    [Fact]
    public void Warmup_ramps_linearly_to_the_inner_schedule()
    {
        var warm = new WarmupLearningRate(new ConstantLearningRate(2), WarmupSteps: 4);
        Assert.Equal([0.5, 1.0, 1.5, 2.0, 2.0], Enumerable.Range(1, 5).Select(t => warm.RateAt(t)));
    }

    [Fact]
    public void The_factory_builds_what_the_decay_names_and_checks_its_arguments()
    {
        Assert.Equal(new ConstantLearningRate(0.3), LearningRateSchedules.Create(LearningRateDecay.None, 0.3, 10));
        Assert.Equal(new CosineLearningRate(0.3, 10), LearningRateSchedules.Create(LearningRateDecay.Cosine, 0.3, 10));
        Assert.Equal(new LinearDecayLearningRate(0.3, 10), LearningRateSchedules.Create(LearningRateDecay.Linear, 0.3, 10));
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedules.Create(LearningRateDecay.Cosine, 0, 10)).ParamName);
        Assert.Equal("totalSteps", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedules.Create(LearningRateDecay.Cosine, 1, 0)).ParamName);
        Assert.Equal("decay", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedules.Create((LearningRateDecay)9, 1, 1)).ParamName);
    }
}
