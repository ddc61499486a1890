using ScottPlot;

namespace AdaHessian.Study.Figures.Surface3D;

/// <summary>
/// A function z = f(x, y) sampled on a square grid. <see cref="Z"/>[i, j] = f(<see cref="Xs"/>[j], <see cref="Ys"/>[i]):
/// row i is the i-th y value counted upward, so row 0 is the bottom of the plane (ScottPlot's heatmap puts row 0 at
/// the top unless told to flip). <see cref="Function"/> is kept for heights between the samples.
/// </summary>
internal sealed record Mesh(Func<double, double, double> Function, double[] Xs, double[] Ys, double[,] Z)
{
    /// <summary>Samples <paramref name="f"/> at <paramref name="points"/> evenly spaced values of x and of y in [min, max].</summary>
    public static Mesh Sample(Func<double, double, double> f, double min, double max, int points)
    {
        double[] axis = Enumerable.Range(0, points).Select(k => min + (max - min) * k / (points - 1)).ToArray();
        var z = new double[points, points];
        for (int i = 0; i < points; i++)
        {
            for (int j = 0; j < points; j++)
            {
                z[i, j] = f(axis[j], axis[i]);
            }
        }

        return new Mesh(f, axis, (double[])axis.Clone(), z);
    }

    /// <summary>The smallest and largest sampled z.</summary>
    public CoordinateRange ZRange => new(Z.Cast<double>().Min(), Z.Cast<double>().Max());

    /// <summary>The samples as (x, y, z) points, in the same layout as <see cref="Z"/> (for contour lines).</summary>
    public Coordinates3d[,] ToCoordinates()
    {
        var points = new Coordinates3d[Ys.Length, Xs.Length];
        for (int i = 0; i < Ys.Length; i++)
        {
            for (int j = 0; j < Xs.Length; j++)
            {
                points[i, j] = new Coordinates3d(Xs[j], Ys[i], Z[i, j]);
            }
        }

        return points;
    }

    /// <summary>The extent to give ScottPlot's heatmap so that its cell centres sit on the sample points.</summary>
    public CoordinateRect Extent => new(Xs[0], Xs[^1], Ys[0], Ys[^1]);
}
