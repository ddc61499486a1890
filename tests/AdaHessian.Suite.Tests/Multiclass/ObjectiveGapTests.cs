using AdaHessian.Suite.Multiclass;

namespace AdaHessian.Suite.Tests.Multiclass;

public class ObjectiveGapTests
{
    [Fact]
    public void The_optimum_is_the_lowest_finite_objective_including_the_reference()
    {
        Assert.Equal(1.9, ObjectiveGap.Optimum(2.0, [2.5, double.NaN, 1.9]));
        Assert.Equal(2.0, ObjectiveGap.Optimum(2.0, [2.5, double.NaN]));
        Assert.Equal(2.0, ObjectiveGap.Optimum(2.0, []));
    }

    [Fact]
    public void The_gap_is_relative_to_the_optimums_magnitude()
    {
        Assert.Equal(0.25, ObjectiveGap.Relative(2.5, 2.0), 15);
        Assert.Equal(0.1, ObjectiveGap.Relative(-0.9, -1.0), 15);
        Assert.True(double.IsNaN(ObjectiveGap.Relative(double.NaN, 2.0)));
    }

    [Fact]
    public void A_reference_that_is_not_finite_or_a_zero_optimum_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ObjectiveGap.Optimum(double.NaN, [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ObjectiveGap.Optimum(double.PositiveInfinity, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ObjectiveGap.Optimum(1.0, [0.0]));
    }
}
