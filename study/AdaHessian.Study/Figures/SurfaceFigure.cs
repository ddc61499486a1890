using AdaHessian.Study.Figures.Surface3D;
using AdaHessian.Study.Problems;
using ScottPlot;

namespace AdaHessian.Study.Figures;

/// <summary>The toy neuron's loss as a 3D surface (40 × 40 quads, fixed camera) with the runs' paths lying on it.</summary>
internal static class SurfaceFigure
{
    public static Plot Create(string title, IReadOnlyList<Trajectory> runs)
    {
        Mesh mesh = Mesh.Sample(ToyNeuron.LossAt, ToyNeuron.WindowMin, ToyNeuron.WindowMax, 41);
        CoordinateRange window = new(ToyNeuron.WindowMin, ToyNeuron.WindowMax);
        var surface = new SurfacePlot(mesh, new Camera(window, window, new(0, mesh.ZRange.Max)))
        {
            Titles = ("w (weight)", "b (bias)", "loss"),
        };
        surface.Trajectories.AddRange(runs);
        var plot = new Plot();
        plot.Add.Plottable(surface);
        plot.Add.ColorBar(surface).Label = "loss (½ mean squared error)";
        plot.HideAxesAndGrid();
        plot.Layout.Fixed(new PixelPadding(left: 10, right: 120, bottom: 30, top: 45)); // room for the colour bar's labels
        plot.Title($"Loss surface and paths, {title}");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
