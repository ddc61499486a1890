using AdaHessian.Study.Figures.Surface3D;
using AdaHessian.Study.Problems;
using ScottPlot;
using ScottPlot.Plottables;

namespace AdaHessian.Study.Figures;

/// <summary>The toy neuron's loss over (w, b) as a heatmap with contour lines, and the runs' paths on it.</summary>
internal static class ContourFigure
{
    public static Plot Create(string title, IReadOnlyList<Trajectory> runs)
    {
        Mesh mesh = Mesh.Sample(ToyNeuron.LossAt, ToyNeuron.WindowMin, ToyNeuron.WindowMax, 121);
        var plot = new Plot();
        Heatmap heatmap = plot.Add.Heatmap(mesh.Z);
        heatmap.Colormap = new ScottPlot.Colormaps.Deep();
        heatmap.Extent = mesh.Extent;
        heatmap.Smooth = true;
        heatmap.FlipVertically = true; // mesh row 0 is b = −6; ScottPlot draws row 0 at the top unless flipped
        var contours = new ContourLines { ContourLineLevels = [0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3] };
        contours.LineColor = Colors.Black.WithAlpha(0.45);
        contours.Update(mesh.ToCoordinates());
        plot.Add.Plottable(contours);
        plot.Add.ColorBar(heatmap).Label = "loss (½ mean squared error)";
        TrajectoryStyle.AddTo(plot, runs, Alignment.LowerLeft);
        plot.Axes.SetLimits(ToyNeuron.WindowMin, ToyNeuron.WindowMax, ToyNeuron.WindowMin, ToyNeuron.WindowMax);
        plot.Title($"Loss landscape and paths, {title}");
        plot.XLabel("w (weight)");
        plot.YLabel("b (bias)");
        return plot;
    }
}
