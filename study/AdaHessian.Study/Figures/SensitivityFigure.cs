using ScottPlot;

namespace AdaHessian.Study.Figures;

/// <summary>Final suboptimality against learning rate, one line (median) and band (IQR) per optimizer, log–log.</summary>
internal static class SensitivityFigure
{
    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    public static Plot Create(string title, string lossName, double[] learningRates, IReadOnlyList<QuartileSeries> series)
    {
        var plot = new Plot();
        double[] x = LogAxis.Log10(learningRates);
        for (int i = 0; i < series.Count; i++)
        {
            Color color = new ScottPlot.Palettes.Category10().GetColor(i);
            var band = plot.Add.FillY(x, series[i].Q1, series[i].Q3);
            (band.FillColor, band.LineWidth) = (color.WithAlpha(0.18), 0);
            var line = plot.Add.Scatter(x, series[i].Median, color);
            // Later lines are thinner and marked differently, so a curve drawn over an identical one stays visible.
            (line.LegendText, line.LineWidth, line.MarkerSize) = (series[i].Label, Math.Max(1, 3 - 0.6f * i), 7);
            line.MarkerShape = Shapes[i % Shapes.Length];
        }

        LogAxis.Apply(plot.Axes.Bottom);
        LogAxis.Apply(plot.Axes.Left);
        plot.Title(title);
        plot.XLabel("learning rate η (log scale)");
        plot.YLabel($"final F − F* ({lossName})");
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }
}
