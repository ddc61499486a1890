using AdaHessian.Curvature;

namespace AdaHessian.Objective;

/// <summary>
/// Both ends of the spectrum of M = D^(−½) H D^(−½) (H the objective's Hessian on some rows, D its exact diagonal),
/// by the Lanczos recurrence: each iteration is one Hessian-vector product, as a power iteration's is, and its Ritz
/// values approach the largest and the smallest eigenvalue together. The smallest Ritz value is an upper bound of
/// λ_min (it approaches it from above); the largest a lower bound of λ_max. Without reorthogonalization the recurrence
/// may repeat a converged value, never place one outside [λ_min, λ_max], so three vectors suffice. A direction
/// without curvature (the sum of a softmax's unpenalised biases) makes λ_min 0 or, as the recurrence loses
/// orthogonality, a small spurious value: the estimate is meant for objectives without one, as a logistic neuron's with
/// L2 &gt; 0.
/// </summary>
internal static class PreconditionedExtremes
{

    /// <summary>(λ_max, λ_min) estimates after at most <paramref name="iterations"/> Lanczos steps.</summary>
    /// <param name="objective">The objective.</param>
    /// <param name="rows">The rows H and D are taken on.</param>
    /// <param name="theta">Where H is taken.</param>
    /// <param name="iterations">Lanczos steps, ≥ 1.</param>
    /// <param name="seed">Seeds the ±1 starting vector.</param>
    public static (double Largest, double Smallest) Estimate(IObjective objective, ReadOnlyMemory<int> rows,
        ReadOnlySpan<double> theta, int iterations, int seed)
    {
        OptionChecks.AtLeastOne(iterations, nameof(iterations));
        int p = objective.ParameterCount;
        var gradient = new double[p];
        var scale = new double[p];
        objective.EvaluateWithExactDiagonal(rows, theta, gradient, scale);
        for (int j = 0; j < p; j++)
        {
            // A coordinate without curvature (a feature absent from the rows, no L2) does not move the logits.
            double d = Math.Abs(scale[j]);
            scale[j] = d > 0 ? 1 / Math.Sqrt(d) : 0;
        }

        var v = new double[p];
        new RademacherProbes(seed).Draw(v, p);
        var u = new double[p];
        var hu = new double[p];
        if (PreconditionedSpectrum.Normalize(v) == 0)
        {
            return (0, 0);
        }

        var previous = new double[p];
        var diagonal = new List<double>(iterations);
        var offDiagonal = new List<double>(iterations);
        double beta = 0;
        for (int k = 0; k < iterations; k++)
        {
            MultiplyByM(objective, rows, theta, scale, v, u, hu, gradient);
            double alpha = 0;
            for (int j = 0; j < p; j++)
            {
                alpha += v[j] * hu[j];
            }

            diagonal.Add(alpha);
            for (int j = 0; j < p; j++)
            {
                double w = hu[j] - alpha * v[j] - beta * previous[j];
                previous[j] = v[j];
                v[j] = w;
            }

            beta = PreconditionedSpectrum.Normalize(v);
            if (k == iterations - 1 || !(beta > 1e-12 * Math.Abs(alpha)))
            {
                break; // done, or the Krylov space is invariant: its Ritz values are eigenvalues
            }

            offDiagonal.Add(beta);
        }

        return (Math.Max(TridiagonalEigenvalues.Largest(diagonal, offDiagonal), 0),
            Math.Max(TridiagonalEigenvalues.Smallest(diagonal, offDiagonal), 0));
    }

    /// <summary>
    /// The estimates on <paramref name="sampleRows"/> evenly spaced rows: with more rows than that, the median of each
    /// end over three disjoint samples (of two, the wider interval), as <see cref="PreconditionedSpectrum.MedianLargestEigenvalue"/>
    /// takes λ̂; with fewer, on every row.
    /// </summary>
    public static (double Largest, double Smallest) Median(IObjective objective, int sampleRows, ReadOnlySpan<double> theta,
        int iterations, int seed)
    {
        int rows = objective.AllRows.Length;
        if (rows <= sampleRows)
        {
            return Estimate(objective, PreconditionedSpectrum.Sample(rows, sampleRows), theta, iterations, seed);
        }

        int parts = (int)Math.Min(3, rows / sampleRows);
        var largest = new double[parts];
        var smallest = new double[parts];
        for (int part = 0; part < parts; part++)
        {
            (largest[part], smallest[part]) = Estimate(objective, PreconditionedSpectrum.Sample(rows, sampleRows, part, parts),
                theta, iterations, seed);
        }

        Array.Sort(largest);
        Array.Sort(smallest);
        return parts == 2 ? (largest[1], smallest[0]) : (largest[parts / 2], smallest[parts / 2]);
    }

    // hu = M v = S H S v, S = diag(scale); u is scratch.
    private static void MultiplyByM(IObjective objective, ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta,
        double[] scale, double[] v, double[] u, double[] hu, double[] gradient)
    {
        for (int j = 0; j < v.Length; j++)
        {
            u[j] = scale[j] * v[j];
        }

        objective.EvaluateWithHessianProducts(rows, theta, gradient, u, hu);
        for (int j = 0; j < v.Length; j++)
        {
            hu[j] *= scale[j];
        }
    }
}
