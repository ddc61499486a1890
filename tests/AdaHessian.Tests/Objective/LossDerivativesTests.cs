using AdaHessian.Objective;

namespace AdaHessian.Tests.Objective;

public class LossDerivativesTests
{
    [Theory]
    [InlineData(LossKind.LogLoss, 0.3, 1.0)]
    [InlineData(LossKind.LogLoss, -2.2, 0.0)]
    [InlineData(LossKind.LogLoss, 4.0, 0.4)]
    [InlineData(LossKind.SquaredError, 0.3, 1.0)]
    [InlineData(LossKind.SquaredError, -2.2, 0.0)]
    [InlineData(LossKind.SquaredError, 1.7, 0.2)]
    public void Derivatives_match_central_differences(LossKind loss, double a, double y)
    {
        const double h = 1e-5;
        LossDerivatives.Evaluate(loss, a, y, out double first, out double second);
        double numericFirst = (LossDerivatives.Evaluate(loss, a + h, y, out double fp, out _)
                               - LossDerivatives.Evaluate(loss, a - h, y, out double fm, out _)) / (2 * h);
        double numericSecond = (fp - fm) / (2 * h);

        Assert.Equal(numericFirst, first, 9);
        Assert.Equal(numericSecond, second, 9);
    }

    [Fact]
    public void LogLoss_value_is_the_cross_entropy_at_moderate_activations()
    {
        // −[y log p + (1 − y) log(1 − p)] equals softplus(a) − y·a.
        foreach (double a in new[] { -3.0, -0.5, 0.0, 0.8, 5.0 })
        {
            double p = 1 / (1 + Math.Exp(-a));
            const double y = 0.3;
            double crossEntropy = -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p));
            Assert.Equal(crossEntropy, LossDerivatives.Evaluate(LossKind.LogLoss, a, y, out _, out _), 13);
        }
    }

    [Theory]
    [InlineData(800.0, 0.0)]
    [InlineData(800.0, 1.0)]
    [InlineData(800.0, 0.3)]
    [InlineData(-800.0, 0.0)]
    [InlineData(-800.0, 1.0)]
    [InlineData(-800.0, 0.3)]
    [InlineData(1e300, 0.0)]
    [InlineData(-1e300, 1.0)]
    public void LogLoss_is_finite_and_exact_at_huge_activations(double a, double y)
    {
        // Closed forms for |a| beyond e^{−|a|} underflow: a > 0 → ℓ = (1 − y)a, ℓ′ = 1 − y; a < 0 → ℓ = −ya, ℓ′ = −y.
        double value = LossDerivatives.Evaluate(LossKind.LogLoss, a, y, out double first, out double second);

        Assert.True(double.IsFinite(value) && double.IsFinite(first) && double.IsFinite(second));
        Assert.Equal(a > 0 ? (1 - y) * a : -y * a, value);
        Assert.Equal(a > 0 ? 1 - y : -y, first);
        Assert.Equal(0.0, second);
    }

    [Fact]
    public void Squared_error_curvature_is_negative_where_the_sigmoid_saturates_on_the_wrong_side()
    {
        // ℓ″ = p(1−p)[p(1−p) + (p − y)(1 − 2p)]. At a = 3, y = 0: p = σ(3), bracket = p(1−p) + p(1−2p) < 0.
        double p = 1 / (1 + Math.Exp(-3.0));
        double expected = p * (1 - p) * (p * (1 - p) + p * (1 - 2 * p));
        LossDerivatives.Evaluate(LossKind.SquaredError, 3.0, 0.0, out _, out double second);

        Assert.True(expected < 0);
        Assert.Equal(expected, second, 15);
    }

    [Fact]
    public void Sigmoid_and_softplus_do_not_overflow()
    {
        Assert.Equal(1.0, LossDerivatives.Sigmoid(1000));
        Assert.Equal(0.0, LossDerivatives.Sigmoid(-1000));
        Assert.Equal(0.5, LossDerivatives.Sigmoid(0));
        Assert.Equal(1000.0, LossDerivatives.Softplus(1000));
        Assert.Equal(0.0, LossDerivatives.Softplus(-1000));
        Assert.Equal(Math.Log(2), LossDerivatives.Softplus(0), 15);
    }

    // Evaluate shares one exp between σ and softplus; it must still give the bits of the two functions.
    [Fact]
    public void LogLoss_equals_the_separate_sigmoid_and_softplus_bit_for_bit()
    {
        double[] activations = [0.0, -0.0, 1e-300, -1e-300, 0.3, -0.3, 7.25, -7.25, 36.9, -40, 750, -750];
        foreach ((double a, double y) in activations.SelectMany(a => new[] { (a, 0.0), (a, 1.0), (a, 0.25) }))
        {
            double loss = LossDerivatives.Evaluate(LossKind.LogLoss, a, y, out double first, out double second);

            double p = LossDerivatives.Sigmoid(a);
            Assert.Equal(LossDerivatives.Softplus(a) - y * a, loss);
            Assert.Equal(p - y, first);
            Assert.Equal(p * (1 - p), second);
        }
    }
}
