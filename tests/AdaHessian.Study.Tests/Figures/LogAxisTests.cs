using AdaHessian.Study.Figures;
using ScottPlot;

namespace AdaHessian.Study.Tests.Figures;

public class LogAxisTests
{
    [Fact]
    public void Log10_clamps_into_the_window_so_zero_and_infinity_land_on_its_edges()
    {
        Assert.Equal(new[] { -3.0, 0, 2, 4 }, LogAxis.Log10([0, 1, 100, double.PositiveInfinity], 1e-3, 1e4));
        Assert.Equal(new[] { -1.0, 1 }, LogAxis.Log10([0.1, 10]));
    }

    [Fact]
    public void Decades_are_labelled_as_powers_of_ten()
    {
        var plot = new Plot();
        LogAxis.Apply(plot.Axes.Left);
        plot.Axes.SetLimitsY(-3, 2);
        plot.RenderInMemory(400, 300);

        string[] labels = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToArray();

        Assert.Contains("10⁻²", labels);
        Assert.Contains("1", labels);
        Assert.Contains("10", labels);
    }
}
