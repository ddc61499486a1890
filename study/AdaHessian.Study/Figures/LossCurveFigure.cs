using System.Globalization;
using AdaHessian.Study.Figures.Surface3D;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace AdaHessian.Study.Figures;

/// <summary>Loss against epoch on a log scale, one line per run, with a dot where each run reaches its plateau
/// (the loss stays within 1 % of its total decrease from there on), and the claimed plateau epochs as dashed lines.</summary>
internal static class LossCurveFigure
{
    public static void Save(string path, string title, IReadOnlyList<Trajectory> runs, IReadOnlyList<int> plateauEpochs, (int AdaHessian, int Adam) claimed)
    {
        var plot = new Plot();
        for (int i = 0; i < runs.Count; i++)
        {
            double[] epochs = Enumerable.Range(0, runs[i].Count).Select(e => (double)e).ToArray();
            var line = plot.Add.ScatterLine(epochs, runs[i].Loss.Select(l => Math.Log10(Math.Max(l, 1e-300))).ToArray(), runs[i].Color);
            (line.LineWidth, line.LegendText) = (TrajectoryStyle.Width, $"{runs[i].Label}: plateau from epoch {plateauEpochs[i]}");
            plot.Add.Marker(plateauEpochs[i], Math.Log10(runs[i].Loss[plateauEpochs[i]]), MarkerShape.FilledCircle, 10, runs[i].Color);
        }

        plot.Add.VerticalLine(claimed.AdaHessian, 1.5f, Colors.Gray, LinePattern.Dashed).LegendText =
            $"claimed plateau (dashed): AdaHessian ~{claimed.AdaHessian}, Adam ~{claimed.Adam}";
        plot.Add.VerticalLine(claimed.Adam, 1.5f, Colors.Gray, LinePattern.Dashed);
        // Log scale the ScottPlot way: the data are log10(loss); ticks at whole powers, labelled 10ᵏ, log-spaced minor ticks.
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(), IntegerTicksOnly = true, LabelFormatter = PowerOfTen,
        };
        plot.Axes.SetLimitsX(0, runs[0].Count - 1);
        plot.Title($"Loss per epoch, {title}");
        plot.XLabel("epoch");
        plot.YLabel("loss (½ mean squared error)");
        plot.ShowLegend(Alignment.LowerLeft);
        FigureWriter.Save(plot, path, 900, 600);
    }

    private static string PowerOfTen(double exponent) => exponent == 0 ? "1" : "10" + string.Concat(
        ((int)Math.Round(exponent)).ToString(CultureInfo.InvariantCulture).Select(c => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".IndexOf(c)]));
}
