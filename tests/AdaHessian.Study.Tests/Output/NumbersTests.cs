using System.Globalization;
using AdaHessian.Study.Output;

namespace AdaHessian.Study.Tests.Output;

public class NumbersTests
{
    [Theory]
    [InlineData(1.23456789, 1.23457)]
    [InlineData(-1.23456789, -1.23457)]
    [InlineData(123456789.0, 123457000.0)]
    [InlineData(0.000123456789, 0.000123457)]
    [InlineData(9.999996, 10.0)] // rounds up into the next decade
    [InlineData(1.5, 1.5)] // already short: unchanged
    [InlineData(6.02214076e23, 6.02214e23)]
    [InlineData(1.602176634e-19, 1.60218e-19)]
    public void Round_keeps_six_significant_digits(double x, double expected)
    {
        Assert.Equal(expected, Numbers.Round(x));
    }

    [Fact]
    public void Round_passes_zero_NaN_and_infinities_through()
    {
        Assert.Equal(0, Numbers.Round(0));
        Assert.True(double.IsNegative(Numbers.Round(-0.0)));
        Assert.True(double.IsNaN(Numbers.Round(double.NaN)));
        Assert.Equal(double.PositiveInfinity, Numbers.Round(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, Numbers.Round(double.NegativeInfinity));
    }

    [Fact]
    public void Round_is_idempotent()
    {
        foreach (double x in new[] { Math.PI, Math.E * 1e-7, -12345.678901, 1 / 3.0 })
        {
            Assert.Equal(Numbers.Round(x), Numbers.Round(Numbers.Round(x)));
        }
    }

    [Theory]
    [InlineData(1.23456789, "1.23457")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.1 + 0.2, "0.3")] // the 0.30000000000000004 noise is gone
    [InlineData(123456789.0, "123457000")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Format_writes_the_rounded_value_round_trippably(double x, string expected)
    {
        Assert.Equal(expected, Numbers.Format(x));
    }

    [Fact]
    public void Format_with_digits_uses_general_format()
    {
        Assert.Equal("3.14", Numbers.Format(Math.PI, 3));
        Assert.Equal("3.1415927", Numbers.Format(Math.PI, 8));
        Assert.Equal("1.2E+10", Numbers.Format(1.23e10, 2));
    }

    [Fact]
    public void Format_ignores_the_current_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NegativeSign = "~";
        try
        {
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // precondition: the culture bites

            Assert.Equal("-1.23457", Numbers.Format(-1.23456789));
            Assert.Equal("3.14", Numbers.Format(Math.PI, 3));
            Assert.Equal(1.23457, Numbers.Round(1.23456789));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
