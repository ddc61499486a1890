using ScottPlot;

namespace AdaHessian.Study.Figures.Surface3D;

/// <summary>
/// A 3D surface z = f(x, y) seen through a fixed <see cref="Camera"/>, with trajectories lying on it. ScottPlot has
/// no 3D, so this plottable draws everything itself in pixels: light back panes with grid lines, then the mesh quads
/// (coloured by height with <see cref="Colormap"/>, outlined as a wireframe) and the trajectory segments and markers
/// sorted far to near (painter's algorithm), then the w, b and z axes with ticks and titles. The plot's own axes
/// should be hidden; the colour bar can use this plottable as its <see cref="IHasColorAxis"/>.
/// </summary>
internal sealed class SurfacePlot(Mesh mesh, Camera camera) : IPlottable, IHasColorAxis
{
    private enum Kind { Quad, Segment, Marker }

    private readonly record struct Item(double Depth, Kind Kind, int A, int B);

    private readonly record struct Point3(double X, double Y, double Z)
    {
        public Pixel ToPixel(Func<double, double, double, Pixel> pixel) => pixel(X, Y, Z);
    }

    public bool IsVisible { get; set; } = true;

    public IAxes Axes { get; set; } = new Axes();

    public IColormap Colormap { get; set; } = new ScottPlot.Colormaps.Deep();

    /// <summary>
    /// Paths drawn on the surface, each lifted by <see cref="Lift"/> of the height range. A step longer than half a
    /// mesh cell is drawn along the surface (heights from the mesh's function), so long jumps do not cut through it.
    /// </summary>
    public List<Trajectory> Trajectories { get; } = [];

    /// <summary>Axis titles for x, y and z.</summary>
    public (string X, string Y, string Z) Titles { get; set; } = ("x", "y", "z");

    /// <summary>Raise trajectories by this fraction of the height range so the surface does not hide them.</summary>
    public double Lift { get; set; } = 0.012;

    public float FontSize { get; set; } = 15;

    /// <summary>Room left around the box for tick labels and titles, in pixels.</summary>
    public float Padding { get; set; } = 62;

    public LineStyle Wireframe { get; } = new(0.6f, Colors.Black.WithAlpha(0.3));

    public ScottPlot.Range GetRange() => new(camera.Z.Min, camera.Z.Max);

    public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    public IEnumerable<LegendItem> LegendItems => TrajectoryStyle.LegendItems(Trajectories);

    public void Render(RenderPack rp)
    {
        Func<double, double, double, Pixel> pixel = camera.FitTo(rp.DataRect, Padding);
        var box = new BoxAxes(camera, pixel, FontSize);
        box.DrawPanes(rp);
        Point3[][] paths = LiftedPaths();
        foreach (Item item in SortedItems(paths))
        {
            switch (item.Kind)
            {
                case Kind.Quad:
                    DrawQuad(rp, pixel, item.A, item.B);
                    break;
                case Kind.Segment:
                    Drawing.DrawLine(rp.Canvas, rp.Paint, paths[item.A][item.B].ToPixel(pixel), paths[item.A][item.B + 1].ToPixel(pixel),
                        TrajectoryStyle.Line(Trajectories[item.A]));
                    break;
                default:
                    MarkerStyle marker = item.B == 0 ? TrajectoryStyle.StartMarker : TrajectoryStyle.EndMarker(Trajectories[item.A]);
                    Drawing.DrawMarker(rp.Canvas, rp.Paint, paths[item.A][item.B].ToPixel(pixel), marker);
                    break;
            }
        }

        box.DrawAxes(rp, Titles);
    }

    private Point3[][] LiftedPaths()
    {
        double lift = Lift * camera.Z.Span, step = (mesh.Xs[1] - mesh.Xs[0]) / 2;
        return Trajectories.Select(t =>
        {
            var points = new List<Point3> { new(t.W[0], t.B[0], t.Loss[0] + lift) };
            for (int k = 0; k + 1 < t.Count; k++)
            {
                double dw = t.W[k + 1] - t.W[k], db = t.B[k + 1] - t.B[k];
                int pieces = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(dw * dw + db * db) / step));
                for (int s = 1; s < pieces; s++)
                {
                    double w = t.W[k] + dw * s / pieces, b = t.B[k] + db * s / pieces;
                    points.Add(new Point3(w, b, mesh.Function(w, b) + lift));
                }

                points.Add(new Point3(t.W[k + 1], t.B[k + 1], t.Loss[k + 1] + lift));
            }

            return points.ToArray();
        }).ToArray();
    }

    private void DrawQuad(RenderPack rp, Func<double, double, double, Pixel> pixel, int i, int j)
    {
        double[] xs = mesh.Xs, ys = mesh.Ys;
        double[,] z = mesh.Z;
        Pixel[] corners =
        [
            pixel(xs[j], ys[i], z[i, j]), pixel(xs[j + 1], ys[i], z[i, j + 1]),
            pixel(xs[j + 1], ys[i + 1], z[i + 1, j + 1]), pixel(xs[j], ys[i + 1], z[i + 1, j]),
        ];
        double height = (z[i, j] + z[i, j + 1] + z[i + 1, j + 1] + z[i + 1, j]) / 4;
        var fill = new FillStyle { Color = Colormap.GetColor((height - camera.Z.Min) / camera.Z.Span) };
        Drawing.FillPath(rp.Canvas, rp.Paint, corners, fill);
        Drawing.DrawPath(rp.Canvas, rp.Paint, corners, Wireframe, close: true);
    }

    // Quads by the depth of their centre; segments and markers a little nearer than their true depth, so they are
    // drawn over the quads they lie on but still hidden by any part of the surface clearly in front of them.
    private List<Item> SortedItems(Point3[][] paths)
    {
        double bias = 2.5 / (mesh.Xs.Length - 1);
        var items = new List<Item>();
        double[] xs = mesh.Xs, ys = mesh.Ys;
        for (int i = 0; i < ys.Length - 1; i++)
        {
            for (int j = 0; j < xs.Length - 1; j++)
            {
                double depth = (camera.View(xs[j], ys[i], mesh.Z[i, j]).Depth + camera.View(xs[j + 1], ys[i], mesh.Z[i, j + 1]).Depth +
                    camera.View(xs[j + 1], ys[i + 1], mesh.Z[i + 1, j + 1]).Depth + camera.View(xs[j], ys[i + 1], mesh.Z[i + 1, j]).Depth) / 4;
                items.Add(new Item(depth, Kind.Quad, i, j));
            }
        }

        for (int t = 0; t < paths.Length; t++)
        {
            Point3[] path = paths[t];
            double Depth(int k) => camera.View(path[k].X, path[k].Y, path[k].Z).Depth;
            for (int k = 0; k + 1 < path.Length; k++)
            {
                items.Add(new Item((Depth(k) + Depth(k + 1)) / 2 - bias, Kind.Segment, t, k));
            }

            items.Add(new Item(Depth(0) - 2 * bias, Kind.Marker, t, 0));
            items.Add(new Item(Depth(path.Length - 1) - 2 * bias, Kind.Marker, t, path.Length - 1));
        }

        // Far to near; ties broken by kind and index so the drawing order never depends on the sort algorithm.
        items.Sort((p, q) => q.Depth.CompareTo(p.Depth) is var c && c != 0 ? c
            : p.Kind != q.Kind ? p.Kind.CompareTo(q.Kind)
            : p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        return items;
    }
}
