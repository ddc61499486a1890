using AdaHessian.Study.Figures;
using AdaHessian.Suite.Trainers;
using ScottPlot;

namespace AdaHessian.Suite.Figures;

/// <summary>One dataset's regularisation path: test log-loss of L-BFGS at each L2 of the grid (log x axis), choices marked.</summary>
internal static class L2PathFigure
{
    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledSquare, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleUp, MarkerShape.OpenCircle];

    /// <summary>A chosen L2 and the test log-loss of the model it gave; NaN for a method without a model here (not drawn).</summary>
    public sealed record Mark(string Label, double L2, double TestLogLoss);

    public static Plot Create(string title, IReadOnlyList<L2PathPoint> path, IReadOnlyList<Mark> marks)
    {
        var plot = new Plot();
        var line = plot.Add.Scatter(LogAxis.Log10(path.Select(p => p.L2)), path.Select(p => p.TestLogLoss).ToArray(), Colors.Gray);
        (line.LegendText, line.LineWidth, line.MarkerSize) = ("L-BFGS at each L2 of the grid", 2, 6);
        for (int i = 0; i < marks.Count; i++)
        {
            if (!(marks[i].L2 > 0 && double.IsFinite(marks[i].L2) && double.IsFinite(marks[i].TestLogLoss)))
            {
                continue;   // no model here; the others keep their colours
            }

            Color color = new ScottPlot.Palettes.Category10().GetColor(i);
            var marker = plot.Add.Marker(Math.Log10(marks[i].L2), marks[i].TestLogLoss, Shapes[i % Shapes.Length], 13 - 2 * i, color);
            (marker.LegendText, marker.MarkerStyle.LineWidth) = (marks[i].Label, 2);
        }

        LogAxis.Apply(plot.Axes.Bottom);
        (plot.Axes.Title.Label.Text, plot.Axes.Bottom.Label.Text) = (title, "L2 strength λ (log scale)");
        plot.YLabel("test log-loss (nats)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
