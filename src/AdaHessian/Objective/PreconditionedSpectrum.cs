using AdaHessian.Curvature;

namespace AdaHessian.Objective;

/// <summary>
/// The largest eigenvalue λ̂ of D^(−½) H D^(−½), where H is the objective's Hessian on some rows and D its exact
/// diagonal: how much further than a per-coordinate Newton step η·g/D moves the model along its stiffest direction.
/// For binary sparse rows λ̂ is about the number of non-zeros per row (every active feature moves the same logit), for
/// well-scaled dense data about 2. A diagonally preconditioned step is stable for η·λ̂ ≲ 2, which is what the
/// trainers' automatic learning rate uses.
/// </summary>
internal static class PreconditionedSpectrum
{
    /// <summary>λ̂ by <paramref name="iterations"/> power iterations, each one Hessian-vector product on <paramref name="rows"/>.</summary>
    /// <param name="objective">The objective.</param>
    /// <param name="rows">The rows H and D are taken on.</param>
    /// <param name="theta">Where H is taken.</param>
    /// <param name="iterations">Power iterations, ≥ 1.</param>
    /// <param name="seed">Seeds the ±1 starting vector.</param>
    public static double LargestEigenvalue(IObjective objective, ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        int iterations, int seed)
    {
        OptionChecks.AtLeastOne(iterations, nameof(iterations));
        int p = objective.ParameterCount;
        var gradient = new double[p];
        var diagonal = new double[p];
        objective.EvaluateWithExactDiagonal(rows, theta, gradient, diagonal);
        var scale = new double[p];
        for (int j = 0; j < p; j++)
        {
            // A coordinate without curvature (a feature absent from the rows, no L2) does not move the logits.
            double d = Math.Abs(diagonal[j]);
            scale[j] = d > 0 ? 1 / Math.Sqrt(d) : 0;
        }

        var v = new double[p];
        new RademacherProbes(seed).Draw(v, p);
        Normalize(v);
        var u = new double[p];
        var hu = new double[p];
        double eigenvalue = 0;
        for (int k = 0; k < iterations; k++)
        {
            for (int j = 0; j < p; j++)
            {
                u[j] = scale[j] * v[j];
            }

            objective.EvaluateWithHessianProducts(rows, theta, gradient, u, hu);
            eigenvalue = 0;
            for (int j = 0; j < p; j++)
            {
                double mv = scale[j] * hu[j];
                eigenvalue += v[j] * mv; // the Rayleigh quotient vᵀMv, v of unit length
                v[j] = mv;
            }

            if (Normalize(v) == 0)
            {
                return 0;
            }
        }

        return Math.Max(eigenvalue, 0);
    }

    /// <summary>
    /// λ̂ on <paramref name="sampleRows"/> rows: with more rows than that, the median of λ̂ on three disjoint evenly
    /// spaced samples, so that one outlying row — a dense row among sparse ones, a row of huge values — sets λ̂ of the
    /// one sample it falls in rather than the learning rate of the whole run; with fewer, λ̂ on every row.
    /// </summary>
    public static double MedianLargestEigenvalue(IObjective objective, int sampleRows, ReadOnlySpan<double> theta,
        int iterations, int seed)
    {
        int rows = objective.AllRows.Length;
        if (rows <= sampleRows)
        {
            return LargestEigenvalue(objective, Sample(rows, sampleRows), theta, iterations, seed);
        }

        int parts = (int)Math.Min(3, rows / sampleRows);
        var estimates = new double[parts];
        for (int part = 0; part < parts; part++)
        {
            estimates[part] = LargestEigenvalue(objective, Sample(rows, sampleRows, part, parts), theta, iterations, seed);
        }

        Array.Sort(estimates);
        return parts == 2 ? Math.Max(estimates[0], estimates[1]) : estimates[parts / 2];
    }

    /// <summary>
    /// Evenly spaced rows, at most <paramref name="count"/>: all of them when there are fewer. Sample
    /// <paramref name="part"/> of <paramref name="parts"/> starts that fraction of the spacing later, so the parts share
    /// no row as long as they are no more than the spacing.
    /// </summary>
    public static int[] Sample(int rowCount, int count, int part = 0, int parts = 1)
    {
        if (rowCount <= count)
        {
            return Enumerable.Range(0, rowCount).ToArray();
        }

        var rows = new int[count];
        for (int k = 0; k < count; k++)
        {
            rows[k] = (int)(((long)k * parts + part) * rowCount / ((long)count * parts));
        }

        return rows;
    }

    /// <summary>Scales <paramref name="v"/> to unit length (a zero vector stays zero) and returns its former length.</summary>
    internal static double Normalize(Span<double> v)
    {
        double squared = 0;
        foreach (double x in v)
        {
            squared += x * x;
        }

        double norm = Math.Sqrt(squared);
        if (norm > 0)
        {
            for (int j = 0; j < v.Length; j++)
            {
                v[j] /= norm;
            }
        }

        return norm;
    }
}
