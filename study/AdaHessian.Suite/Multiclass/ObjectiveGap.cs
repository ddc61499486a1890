namespace AdaHessian.Suite.Multiclass;

/// <summary>
/// The training-objective gap of fits of one objective: F* is the lowest F of the reference fit and every fit (a fit
/// that beats the reference proves the reference was not tight), and a fit's gap is (F − F*)/|F*|, as in the defaults
/// suite. NaN objectives (fits of another objective) get a NaN gap and do not enter F*.
/// </summary>
internal static class ObjectiveGap
{
    /// <summary>F*: the minimum of <paramref name="reference"/> and the finite values of <paramref name="objectives"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The reference is not finite, or F* is 0 (no relative gap).</exception>
    public static double Optimum(double reference, IEnumerable<double> objectives)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        if (!double.IsFinite(reference))
        {
            throw new ArgumentOutOfRangeException(nameof(reference), reference, "The reference objective must be finite.");
        }

        double optimum = objectives.Where(double.IsFinite).Append(reference).Min();
        if (optimum == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reference), optimum, "F* = 0 leaves no relative gap.");
        }

        return optimum;
    }

    /// <summary>(F − F*)/|F*|; NaN when <paramref name="objective"/> is NaN.</summary>
    public static double Relative(double objective, double optimum) => (objective - optimum) / Math.Abs(optimum);
}
