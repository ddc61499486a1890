using ScottPlot;
using ScottPlot.Plottables;

namespace AdaHessian.Study.Figures;

/// <summary>Epochs to the 1 % target per problem: a dot (median) with IQR whiskers per optimizer, log y axis.</summary>
internal static class EpochsToTargetFigure
{
    public static Plot Create(string[] problems, IReadOnlyList<QuartileSeries> series, double notReached)
    {
        var plot = new Plot();
        for (int i = 0; i < series.Count; i++)
        {
            (Color color, QuartileSeries s) = (new ScottPlot.Palettes.Category10().GetColor(i), series[i]);
            double[] x = problems.Select((_, p) => p + (i - (series.Count - 1) / 2.0) * 0.16).ToArray();
            plot.Add.Plottable(new ErrorBar(x, s.Median, new double[x.Length], new double[x.Length],
                s.Q3.Zip(s.Median, (q, m) => q - m).ToArray(), s.Median.Zip(s.Q1, (m, q) => m - q).ToArray()) { Color = color, LineWidth = 1.5f });
            plot.Add.Markers(x, s.Median, MarkerShape.FilledCircle, 8, color).LegendText = s.Label;
        }

        plot.Add.HorizontalLine(notReached, 1, Colors.Gray, LinePattern.Dashed);
        plot.Add.Text("not reached", problems.Length - 0.5, notReached).Alignment = Alignment.LowerRight;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. problems.Select((_, p) => (double)p)], problems);
        LogAxis.Apply(plot.Axes.Left);
        plot.YLabel("epochs to close 99 % of F₀ − F* (median, IQR)");
        plot.Title("Epochs to the 1 % target at each optimizer's best learning rate");
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
