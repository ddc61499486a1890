using ScottPlot;

namespace AdaHessian.Study.Figures;

/// <summary>Test log-loss after each epoch, one line per optimizer, with other trainers' final test log-loss as dashed levels.</summary>
internal static class TestLossFigure
{
    /// <summary>A curve over epochs 1 … E, or (with one value) a horizontal reference level.</summary>
    public sealed record Series(string Label, Color Color, double[] LogLoss);

    public static Plot Create(string title, string epochLabel, IReadOnlyList<Series> curves, IReadOnlyList<Series> levels)
    {
        var plot = new Plot();
        foreach (Series level in levels)
        {
            var line = plot.Add.HorizontalLine(level.LogLoss[0], 2, level.Color, LinePattern.Dashed);
            line.LegendText = level.Label;
        }

        foreach (Series curve in curves)
        {
            double[] epochs = Enumerable.Range(1, curve.LogLoss.Length).Select(e => (double)e).ToArray();
            var line = plot.Add.Scatter(epochs, curve.LogLoss, curve.Color);
            (line.LegendText, line.LineWidth, line.MarkerSize) = (curve.Label, 2.5f, 7);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsX(0.5, curves.Max(c => c.LogLoss.Length) + 0.5);
        (plot.Axes.Title.Label.Text, plot.Axes.Bottom.Label.Text) = (title, epochLabel);
        plot.YLabel("test log-loss (nats per image)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
