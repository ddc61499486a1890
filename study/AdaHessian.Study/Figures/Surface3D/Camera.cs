using ScottPlot;

namespace AdaHessian.Study.Figures.Surface3D;

/// <summary>
/// A fixed orthographic camera on a data box. Points are first scaled into the cube [−1, 1]² × [−h, h]
/// (h = <see cref="HeightRatio"/>), turned by <see cref="AzimuthDegrees"/> about the vertical axis and tilted by
/// <see cref="ElevationDegrees"/>, giving screen coordinates (u to the right, v up) and a depth (larger = further away).
/// Azimuth 0 looks along +y with x to the right; positive azimuth swings the camera towards +x.
/// </summary>
internal sealed record Camera(
    CoordinateRange X,
    CoordinateRange Y,
    CoordinateRange Z,
    double AzimuthDegrees = -35,
    double ElevationDegrees = 28,
    double HeightRatio = 0.75)
{
    /// <summary>Screen position and depth of the data point (x, y, z), in cube units.</summary>
    public (double U, double V, double Depth) View(double x, double y, double z)
    {
        double nx = 2 * (x - X.Min) / X.Span - 1;
        double ny = 2 * (y - Y.Min) / Y.Span - 1;
        double nz = HeightRatio * (2 * (z - Z.Min) / Z.Span - 1);
        double azimuth = AzimuthDegrees * Math.PI / 180, elevation = ElevationDegrees * Math.PI / 180;
        double u = nx * Math.Cos(azimuth) - ny * Math.Sin(azimuth);
        double ahead = nx * Math.Sin(azimuth) + ny * Math.Cos(azimuth);
        return (u, nz * Math.Cos(elevation) + ahead * Math.Sin(elevation), ahead * Math.Cos(elevation) - nz * Math.Sin(elevation));
    }

    /// <summary>The eight corners of the data box.</summary>
    public IEnumerable<(double X, double Y, double Z)> Corners() =>
        from x in new[] { X.Min, X.Max }
        from y in new[] { Y.Min, Y.Max }
        from z in new[] { Z.Min, Z.Max }
        select (x, y, z);

    /// <summary>
    /// Maps data points to pixels so the whole box fits <paramref name="rect"/> less <paramref name="padding"/> on
    /// every side, centred, with equal scale on both screen axes.
    /// </summary>
    public Func<double, double, double, Pixel> FitTo(PixelRect rect, float padding)
    {
        var corners = Corners().Select(c => View(c.X, c.Y, c.Z)).ToArray();
        double uMin = corners.Min(c => c.U), uMax = corners.Max(c => c.U);
        double vMin = corners.Min(c => c.V), vMax = corners.Max(c => c.V);
        double scale = Math.Min((rect.Width - 2 * padding) / (uMax - uMin), (rect.Height - 2 * padding) / (vMax - vMin));
        double uCentre = (uMin + uMax) / 2, vCentre = (vMin + vMax) / 2;
        return (x, y, z) =>
        {
            (double u, double v, _) = View(x, y, z);
            return new Pixel(rect.HorizontalCenter + (u - uCentre) * scale, rect.VerticalCenter - (v - vCentre) * scale);
        };
    }
}
