using ScottPlot;

namespace AdaHessian.Study.Figures;

/// <summary>Share of seeds on which each AdaHessian variant ends below Adam, per problem; bars labelled by significance.</summary>
internal static class WinRateFigure
{
    public static Plot Create(string[] problems, IReadOnlyList<(string Label, double[] WinRate, string[] Note)> series)
    {
        var plot = new Plot();
        for (int i = 0; i < series.Count; i++)
        {
            Color color = new ScottPlot.Palettes.Category10().GetColor(i + 1); // colour i + 1: Adam keeps colour 0 elsewhere
            plot.Add.Bars(series[i].WinRate.Select((rate, p) => new Bar
            {
                Position = p + (i - (series.Count - 1) / 2.0) * 0.27, Value = rate, Size = 0.25, FillColor = color,
                Label = series[i].Note[p], LabelOnTop = true,
            }).ToArray()).LegendText = series[i].Label;
        }

        plot.Add.HorizontalLine(0.5, 1, Colors.Gray, LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. problems.Select((_, p) => (double)p)], problems);
        plot.Axes.SetLimitsY(0, 1.25);
        plot.YLabel("share of seeds with lower final F − F* than Adam");
        plot.Title("Paired against Adam at each optimizer's best η (Wilcoxon: * p<0.05, ** p<0.01, *** p<0.001, ns)");
        plot.ShowLegend(Alignment.UpperCenter, Orientation.Horizontal);
        return plot;
    }
}
