using AdaHessian.Study.Figures.Surface3D;
using ScottPlot;

namespace AdaHessian.Study.Figures;

/// <summary>Loss against epoch on a log scale, one line per run, with a dot where each run reaches its plateau
/// (the loss stays within 1 % of its total decrease from there on), and the claimed plateau epochs as dashed lines.</summary>
internal static class LossCurveFigure
{
    // The loss of the toy can reach 0; it is drawn at this floor.
    private const double Floor = 1e-300;

    public static Plot Create(string title, IReadOnlyList<Trajectory> runs, IReadOnlyList<int> plateauEpochs, (int AdaHessian, int Adam) claimed)
    {
        var plot = new Plot();
        for (int i = 0; i < runs.Count; i++)
        {
            double[] epochs = Enumerable.Range(0, runs[i].Count).Select(e => (double)e).ToArray();
            var line = plot.Add.ScatterLine(epochs, LogAxis.Log10(runs[i].Loss, Floor, double.MaxValue), runs[i].Color);
            (line.LineWidth, line.LegendText) = (TrajectoryStyle.Width, $"{runs[i].Label}: plateau from epoch {plateauEpochs[i]}");
            plot.Add.Marker(plateauEpochs[i], LogAxis.Log10(runs[i].Loss[plateauEpochs[i]], Floor, double.MaxValue), MarkerShape.FilledCircle, 10, runs[i].Color);
        }

        plot.Add.VerticalLine(claimed.AdaHessian, 1.5f, Colors.Gray, LinePattern.Dashed).LegendText =
            $"claimed plateau (dashed): AdaHessian ~{claimed.AdaHessian}, Adam ~{claimed.Adam}";
        plot.Add.VerticalLine(claimed.Adam, 1.5f, Colors.Gray, LinePattern.Dashed);
        LogAxis.Apply(plot.Axes.Left);
        plot.Axes.SetLimitsX(0, runs[0].Count - 1);
        plot.Title($"Loss per epoch, {title}");
        plot.XLabel("epoch");
        plot.YLabel("loss (½ mean squared error)");
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }
}
