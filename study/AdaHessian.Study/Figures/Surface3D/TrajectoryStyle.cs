using ScottPlot;

namespace AdaHessian.Study.Figures.Surface3D;

/// <summary>How trajectories look in every figure: a line in the run's colour, an open circle at the start and a
/// square in the run's colour at the end; on 2D maps the line gets a white halo so it reads on any background.</summary>
internal static class TrajectoryStyle
{
    public const float Width = 2.5f;

    public static MarkerStyle StartMarker => new(MarkerShape.OpenCircle, 14, Colors.Black) { LineWidth = 2.5f };

    public static MarkerStyle EndMarker(Trajectory t) =>
        new(MarkerShape.FilledSquare, 11, t.Color) { LineColor = Colors.White, LineWidth = 1.5f };

    public static LineStyle Line(Trajectory t) => new(Width, t.Color) { Rounded = true };

    /// <summary>One legend entry per run (line with its end marker) and one for the shared start.</summary>
    public static IEnumerable<LegendItem> LegendItems(IEnumerable<Trajectory> runs) =>
        runs.Select(t => new LegendItem { LabelText = t.Label, LineStyle = Line(t), MarkerStyle = EndMarker(t) })
            .Append(new LegendItem { LabelText = "start", MarkerStyle = StartMarker });

    /// <summary>Adds the runs to a 2D (w, b) plot, last run on top, and shows their legend.</summary>
    public static void AddTo(Plot plot, IReadOnlyList<Trajectory> runs, Alignment legend)
    {
        foreach (Trajectory t in runs)
        {
            plot.Add.ScatterLine(t.W, t.B, Colors.White).LineWidth = Width + 3;
            var line = plot.Add.ScatterLine(t.W, t.B, t.Color);
            line.LineStyle = Line(t);
        }

        foreach (Trajectory t in runs)
        {
            plot.Add.Marker(t.W[^1], t.B[^1]).MarkerStyle = EndMarker(t);
        }

        plot.Add.Marker(runs[0].W[0], runs[0].B[0]).MarkerStyle = StartMarker;
        plot.ShowLegend(LegendItems(runs), legend);
    }
}
