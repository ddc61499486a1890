namespace AdaHessian.Suite.Trainers;

/// <summary>The L2 values a search tries: log-spaced, both ends included, as NumPy's <c>logspace</c> makes them.</summary>
internal static class L2Grid
{
    /// <summary>The smallest L2 of the suite's grid.</summary>
    public const double Smallest = 1e-5;

    /// <summary>The largest L2 of the suite's grid.</summary>
    public const double Largest = 10;

    /// <summary>Points of the suite's grid.</summary>
    public const int Points = 10;

    /// <summary>The suite's grid: <see cref="Points"/> values from <see cref="Smallest"/> to <see cref="Largest"/>.</summary>
    public static IReadOnlyList<double> Default { get; } = LogSpaced(Smallest, Largest, Points);

    /// <summary>
    /// <paramref name="points"/> values from <paramref name="from"/> to <paramref name="to"/>, equal steps in log10,
    /// the ends exact.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An end is not positive and finite, or fewer than two points.</exception>
    public static double[] LogSpaced(double from, double to, int points)
    {
        if (!(from > 0 && double.IsFinite(from)))
        {
            throw new ArgumentOutOfRangeException(nameof(from), "Must be positive and finite.");
        }

        if (!(to > 0 && double.IsFinite(to)))
        {
            throw new ArgumentOutOfRangeException(nameof(to), "Must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        double low = Math.Log10(from), step = (Math.Log10(to) - low) / (points - 1);
        var grid = new double[points];
        for (int k = 0; k < points; k++)
        {
            grid[k] = k == 0 ? from : k == points - 1 ? to : Math.Pow(10, low + k * step);
        }

        return grid;
    }
}
