using System.Globalization;
using ScottPlot;

namespace AdaHessian.Study.Figures.Surface3D;

/// <summary>
/// The frame of a 3D plot drawn in pixels: the floor and the two back walls as light panes with grid lines, and the
/// x and y axes along the front floor edges and the z axis up a side corner, each with ticks, tick labels and a title.
/// </summary>
internal sealed class BoxAxes
{
    private static readonly Color PaneColor = Color.FromHex("#f3f3f3");
    private static readonly LineStyle PaneEdge = new(1, Color.FromHex("#b0b0b0"));
    private static readonly LineStyle GridLine = new(0.8f, Color.FromHex("#d4d4d4"));
    private static readonly LineStyle AxisLine = new(1.5f, Colors.Black);

    private readonly Camera _camera;
    private readonly Func<double, double, double, Pixel> _pixel;
    private readonly float _fontSize;
    private readonly double _xFront, _xBack, _yFront, _yBack, _zCornerX, _zCornerY;
    private readonly double[] _xTicks, _yTicks, _zTicks;

    public BoxAxes(Camera camera, Func<double, double, double, Pixel> pixel, float fontSize)
    {
        (_camera, _pixel, _fontSize) = (camera, pixel, fontSize);
        (CoordinateRange x, CoordinateRange y, CoordinateRange z) = (camera.X, camera.Y, camera.Z);
        bool minYFront = camera.View(x.Center, y.Min, z.Min).Depth < camera.View(x.Center, y.Max, z.Min).Depth;
        bool minXFront = camera.View(x.Min, y.Center, z.Min).Depth < camera.View(x.Max, y.Center, z.Min).Depth;
        (_yFront, _yBack) = minYFront ? (y.Min, y.Max) : (y.Max, y.Min);
        (_xFront, _xBack) = minXFront ? (x.Min, x.Max) : (x.Max, x.Min);

        // The z axis stands on whichever side corner is further left on screen.
        bool leftIsXFront = camera.View(_xFront, _yBack, z.Min).U < camera.View(_xBack, _yFront, z.Min).U;
        (_zCornerX, _zCornerY) = leftIsXFront ? (_xFront, _yBack) : (_xBack, _yFront);
        (_xTicks, _yTicks, _zTicks) = (NiceTicks(x), NiceTicks(y), NiceTicks(z));
    }

    /// <summary>Floor and back walls with grid lines at the ticks; draw before the surface.</summary>
    public void DrawPanes(RenderPack rp)
    {
        (CoordinateRange x, CoordinateRange y, CoordinateRange z) = (_camera.X, _camera.Y, _camera.Z);
        Pane(rp, [(x.Min, y.Min, z.Min), (x.Max, y.Min, z.Min), (x.Max, y.Max, z.Min), (x.Min, y.Max, z.Min)]);
        Pane(rp, [(x.Min, _yBack, z.Min), (x.Max, _yBack, z.Min), (x.Max, _yBack, z.Max), (x.Min, _yBack, z.Max)]);
        Pane(rp, [(_xBack, y.Min, z.Min), (_xBack, y.Max, z.Min), (_xBack, y.Max, z.Max), (_xBack, y.Min, z.Max)]);
        foreach (double t in _xTicks)
        {
            Line(rp, GridLine, (t, y.Min, z.Min), (t, y.Max, z.Min));
            Line(rp, GridLine, (t, _yBack, z.Min), (t, _yBack, z.Max));
        }

        foreach (double t in _yTicks)
        {
            Line(rp, GridLine, (x.Min, t, z.Min), (x.Max, t, z.Min));
            Line(rp, GridLine, (_xBack, t, z.Min), (_xBack, t, z.Max));
        }

        foreach (double t in _zTicks)
        {
            Line(rp, GridLine, (x.Min, _yBack, t), (x.Max, _yBack, t));
            Line(rp, GridLine, (_xBack, y.Min, t), (_xBack, y.Max, t));
        }
    }

    /// <summary>Axis lines, ticks, tick labels and titles; draw after the surface.</summary>
    public void DrawAxes(RenderPack rp, (string X, string Y, string Z) titles)
    {
        (CoordinateRange x, CoordinateRange y, CoordinateRange z) = (_camera.X, _camera.Y, _camera.Z);
        double awayY = _yFront + (_yFront - _yBack), awayX = _xFront + (_xFront - _xBack);
        Axis(rp, _xTicks, t => (t, _yFront, z.Min), t => (t, awayY, z.Min), titles.X);
        Axis(rp, _yTicks, t => (_xFront, t, z.Min), t => (awayX, t, z.Min), titles.Y);
        double outX = _zCornerX + (_zCornerX - x.Center), outY = _zCornerY + (_zCornerY - y.Center);
        Axis(rp, _zTicks, t => (_zCornerX, _zCornerY, t), t => (outX, outY, t), titles.Z);
    }

    private void Axis(RenderPack rp, double[] ticks, Func<double, (double, double, double)> at,
        Func<double, (double, double, double)> away, string title)
    {
        (double, double, double) Along(double fraction) => at(ticks[0] + fraction * (ticks[^1] - ticks[0]));
        Line(rp, AxisLine, Along(0), Along(1));
        PixelOffset direction = default;
        foreach (double t in ticks)
        {
            Pixel p = Pixel(at(t));
            direction = Unit(p, Pixel(away(t)));
            Drawing.DrawLine(rp.Canvas, rp.Paint, p, Offset(p, direction, 6), AxisLine);
            Text(rp, t.ToString("0.##", CultureInfo.InvariantCulture), Offset(p, direction, 10), direction, _fontSize);
        }

        // The title sits beyond the widest tick label.
        float clearance = 14 + (Math.Abs(direction.X) > Math.Abs(direction.Y) ? 0.62f * _fontSize * WidestLabel(ticks) : 1.3f * _fontSize);
        Text(rp, title, Offset(Pixel(Along(0.5)), direction, clearance), direction, _fontSize + 2, bold: true);
    }

    private static int WidestLabel(double[] ticks) => ticks.Max(t => t.ToString("0.##", CultureInfo.InvariantCulture).Length);

    private static void Text(RenderPack rp, string text, Pixel anchor, PixelOffset direction, float size, bool bold = false)
    {
        // Anchor the side or corner of the text that faces the axis, so labels leave along the outward direction.
        bool horizontal = Math.Abs(direction.X) > 2 * Math.Abs(direction.Y), vertical = Math.Abs(direction.Y) > 2 * Math.Abs(direction.X);
        Alignment alignment = (horizontal, vertical, direction.X < 0, direction.Y > 0) switch
        {
            (true, _, true, _) => Alignment.MiddleRight,
            (true, _, false, _) => Alignment.MiddleLeft,
            (_, true, _, true) => Alignment.UpperCenter,
            (_, true, _, false) => Alignment.LowerCenter,
            (_, _, true, true) => Alignment.UpperRight,
            (_, _, false, true) => Alignment.UpperLeft,
            (_, _, true, false) => Alignment.LowerRight,
            _ => Alignment.LowerLeft,
        };
        var label = new LabelStyle { Text = text, FontSize = size, Bold = bold, Alignment = alignment, ForeColor = Colors.Black };
        label.Render(rp.Canvas, anchor, rp.Paint);
    }

    private void Pane(RenderPack rp, (double X, double Y, double Z)[] corners)
    {
        Pixel[] pixels = corners.Select(Pixel).ToArray();
        Drawing.FillPath(rp.Canvas, rp.Paint, pixels, new FillStyle { Color = PaneColor });
        Drawing.DrawPath(rp.Canvas, rp.Paint, pixels, PaneEdge, close: true);
    }

    private void Line(RenderPack rp, LineStyle style, (double, double, double) from, (double, double, double) to) =>
        Drawing.DrawLine(rp.Canvas, rp.Paint, Pixel(from), Pixel(to), style);

    private Pixel Pixel((double X, double Y, double Z) point) => _pixel(point.X, point.Y, point.Z);

    private static PixelOffset Unit(Pixel from, Pixel to)
    {
        float dx = to.X - from.X, dy = to.Y - from.Y, length = MathF.Sqrt(dx * dx + dy * dy);
        return length == 0 ? new PixelOffset(0, 1) : new PixelOffset(dx / length, dy / length);
    }

    private static Pixel Offset(Pixel p, PixelOffset unit, float distance) => new(p.X + unit.X * distance, p.Y + unit.Y * distance);

    /// <summary>Ticks at 1, 2 or 5 × 10ᵏ spacing inside <paramref name="range"/>, about six of them.</summary>
    private static double[] NiceTicks(CoordinateRange range)
    {
        double raw = range.Span / 6, power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * power).First(s => s >= raw);
        double first = Math.Ceiling(range.Min / step - 1e-9) * step;
        return Enumerable.Range(0, (int)Math.Floor((range.Max - first) / step + 1e-9) + 1)
            .Select(k => Math.Round(first + k * step, 12)).ToArray();
    }
}
