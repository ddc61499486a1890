using AdaHessian.Study.Statistics;

namespace AdaHessian.Study.Tests.Statistics;

public class QuantilesTests
{
    private const double Inf = double.PositiveInfinity;

    [Fact]
    public void Quartiles_of_1_to_4_are_R7()
    {
        // h = 3τ: Q1 = 1 + 0.75·1, median = 2 + 0.5·1, Q3 = 3 + 0.25·1 (R: quantile(1:4)).
        Assert.Equal((1.75, 2.5, 3.25), Quantiles.Quartiles([1.0, 2, 3, 4]));
    }

    [Fact]
    public void Quartiles_do_not_depend_on_order_and_do_not_modify_the_input()
    {
        double[] values = [4, 1, 3, 2];

        Assert.Equal((1.75, 2.5, 3.25), Quantiles.Quartiles(values));
        Assert.Equal([4.0, 1, 3, 2], values);
    }

    [Theory]
    // Sorted 1 1 3 4 5, h = 4τ (R: quantile(c(3, 1, 4, 1, 5), τ)).
    [InlineData(0.0, 1.0)]
    [InlineData(0.1, 1.0)] // h = 0.4 between the two 1s
    [InlineData(0.25, 1.0)] // h = 1
    [InlineData(0.375, 2.0)] // h = 1.5: 1 + 0.5·2
    [InlineData(0.5, 3.0)]
    [InlineData(0.75, 4.0)]
    [InlineData(0.9, 4.6)] // h = 3.6: 4 + 0.6·1
    [InlineData(1.0, 5.0)]
    public void Of_interpolates_by_definition_7(double tau, double expected)
    {
        Assert.Equal(expected, Quantiles.Of([3.0, 1, 4, 1, 5], tau), 12);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(35, Quantiles.Of([60.0, 10, 50, 20, 40, 30], 0.5), 12);
        Assert.Equal(25, Quantiles.Of([60.0, 10, 50, 20, 40, 30], 0.3), 12); // h = 1.5
    }

    [Fact]
    public void A_single_value_is_every_quantile()
    {
        Assert.Equal((7.0, 7.0, 7.0), Quantiles.Quartiles([7.0]));
        Assert.Equal(7, Quantiles.Of([7.0], 0));
        Assert.Equal(7, Quantiles.Of([7.0], 1));
    }

    [Fact]
    public void Interpolating_towards_a_failed_run_gives_infinity()
    {
        // Sorted 1 2 3 ∞, h = 3τ: Q1 and the median stay among finite values; Q3 (h = 2.25) reaches towards ∞.
        Assert.Equal((1.75, 2.5, Inf), Quantiles.Quartiles([Inf, 1.0, 3, 2]));
        Assert.Equal(Inf, Quantiles.Of([1.0, 2, 3, Inf], 1));
        Assert.Equal(1, Quantiles.Of([1.0, 2, 3, Inf], 0));
    }

    [Fact]
    public void A_quantile_landing_exactly_on_a_finite_value_next_to_infinity_is_that_value()
    {
        // Sorted 1 2 3 ∞ ∞: median h = 2 is exactly 3 although its upper neighbour is ∞.
        Assert.Equal(3, Quantiles.Of([Inf, 1.0, Inf, 3, 2], 0.5));
        Assert.Equal(Inf, Quantiles.Of([Inf, 1.0, Inf, 3, 2], 0.75)); // h = 3 lands on ∞
        Assert.Equal(Inf, Quantiles.Of([Inf, 1.0, Inf, 3, 2], 0.6)); // h = 2.4 between 3 and ∞
    }

    [Fact]
    public void Interpolating_between_two_infinities_gives_infinity_not_NaN()
    {
        // Sorted 1 ∞ ∞: the median h = 1 is ∞; Q3 (h = 1.5) lies between two infinities.
        (double q1, double median, double q3) = Quantiles.Quartiles([Inf, 1.0, Inf]);
        Assert.Equal(Inf, q1); // h = 0.5 between 1 and ∞
        Assert.Equal(Inf, median);
        Assert.Equal(Inf, q3);
        Assert.Equal((Inf, Inf, Inf), Quantiles.Quartiles([Inf, Inf]));
    }

    [Fact]
    public void OfSorted_agrees_with_the_hand_values()
    {
        Assert.Equal(1.75, Quantiles.OfSorted([1.0, 2, 3, 4], 0.25), 12);
        Assert.Equal(Inf, Quantiles.OfSorted([1.0, 2, 3, Inf], 0.75));
    }

    [Fact]
    public void Rejects_empty_NaN_and_tau_outside_the_unit_interval()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Of(Array.Empty<double>(), 0.5));
        Assert.Throws<ArgumentException>(() => Quantiles.Quartiles([1.0, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Of([1.0, 2], -0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Of([1.0, 2], 1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Of([1.0, 2], double.NaN));
    }
}
