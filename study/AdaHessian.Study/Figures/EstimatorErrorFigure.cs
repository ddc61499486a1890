using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace AdaHessian.Study.Figures;

/// <summary>Estimator error against the number of Hutchinson samples, log-log: median lines, IQR bands, a 1/√N guide.</summary>
internal static class EstimatorErrorFigure
{
    /// <summary>One line: the median over seeds at each N, with the quartiles as a band.</summary>
    public sealed record Series(string Label, Color Color, MarkerShape Marker, double[] Samples, double[] Median, double[] Lower, double[] Upper);

    /// <summary>Draws the series; the grey guide c/√N passes through <paramref name="guideAtOne"/> at N = 1.</summary>
    public static Plot Create(string title, string yLabel, IReadOnlyList<Series> series, double guideAtOne)
    {
        var plot = new Plot();
        foreach (Series s in series)
        {
            var band = plot.Add.FillY(LogAxis.Log10(s.Samples), LogAxis.Log10(s.Lower), LogAxis.Log10(s.Upper));
            (band.FillColor, band.LineWidth) = (s.Color.WithAlpha(0.12), 0);
            var line = plot.Add.Scatter(LogAxis.Log10(s.Samples), LogAxis.Log10(s.Median), s.Color);
            (line.MarkerShape, line.LineWidth, line.MarkerSize, line.LegendText) = (s.Marker, 2, 9, s.Label);
        }

        double[] n = series[0].Samples;
        var guide = plot.Add.Scatter(LogAxis.Log10(n), LogAxis.Log10(n.Select(x => guideAtOne / Math.Sqrt(x))), Colors.Gray.WithAlpha(0.6));
        (guide.LineWidth, guide.MarkerSize, guide.LegendText) = (3, 0, "slope −½ (guide)");
        plot.Axes.Bottom.TickGenerator = new NumericManual(LogAxis.Log10(n), n.Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray());
        LogAxis.Apply(plot.Axes.Left);
        (plot.Axes.Title.Label.Text, plot.Axes.Bottom.Label.Text, plot.Axes.Left.Label.Text) = (title, "Hutchinson samples N", yLabel);
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
