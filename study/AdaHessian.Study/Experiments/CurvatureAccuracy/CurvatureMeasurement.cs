using AdaHessian.Curvature;
using AdaHessian.Objective;

namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>
/// Measures Hutchinson's diagonal at one point θ against the exact one. Per seed, the largest N's probes are drawn
/// once by the library's <see cref="RademacherProbes"/>, and each smaller N uses the first N of them, which is what
/// the estimator with that N and seed would use. So one seed's errors are nested across N, while each N's spread
/// over seeds is that of independent estimates.
/// </summary>
internal static class CurvatureMeasurement
{
    /// <summary>The probe seed of repeat <paramref name="repeat"/> (0-based).</summary>
    public static int ProbeSeed(int repeat) => repeat + 1;

    /// <summary>All errors at <paramref name="theta"/> over the profile's N, b and probe seeds.</summary>
    public static CurvatureCell Measure(CurvatureProblem problem, string point, LogisticObjective objective, double[] theta,
        StudyContext context)
    {
        int[] samples = [.. context.Profile.HutchinsonSamples];
        int[] blocks = [.. context.Profile.BlockSizes];
        int repeats = context.Profile.EstimatorRepeats;
        int p = objective.ParameterCount, maxSamples = samples.Max();
        var gradient = new double[p];
        var diagonal = new double[p];
        double value = objective.EvaluateWithExactDiagonal(objective.AllRows, theta, gradient, diagonal);
        double[] exact = diagonal.Select(Math.Abs).ToArray();
        double[][] targets = blocks.Select(b => Vectors.Averaged(exact, b)).ToArray();
        var cell = new CurvatureCell(problem, point, value, samples, blocks, repeats);
        for (int k = 0; k < blocks.Length; k++)
        {
            cell.AveragingBias[k] = Vectors.Distance(targets[k], exact) / Vectors.Norm(exact);
        }

        double[] hessian = DenseHessian.At(objective, theta);
        double diagonalSquared = Enumerable.Range(0, p).Sum(j => hessian[j * p + j] * hessian[j * p + j]);
        cell.OffDiagonalRatio = Math.Sqrt(Math.Max(0, hessian.Sum(v => v * v) - diagonalSquared) / diagonalSquared);
        var probes = new double[maxSamples * p];
        var products = new double[probes.Length];
        var estimate = new double[p];
        for (int r = 0; r < repeats; r++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            new RademacherProbes(ProbeSeed(r)).Draw(probes, p);
            for (int j = 0; j < p; j++)
            {
                for (int t = 0; t < maxSamples; t++)
                {
                    products[t * p + j] = DenseHessian.Dot(hessian.AsSpan(j * p, p), probes.AsSpan(t * p, p));
                }
            }

            for (int i = 0; i < samples.Length; i++)
            {
                int length = samples[i] * p;
                CurvatureEstimator.HutchinsonDiagonal(probes.AsSpan(0, length), products.AsSpan(0, length), samples[i], estimate);
                double[] magnitude = estimate.Select(Math.Abs).ToArray();
                for (int k = 0; k < blocks.Length; k++)
                {
                    double[] averaged = Vectors.Averaged(magnitude, blocks[k]);
                    cell.Error[i, k, r] = Vectors.Distance(averaged, targets[k]) / Vectors.Norm(targets[k]);
                    cell.ErrorUnaveraged[i, k, r] = Vectors.Distance(averaged, exact) / Vectors.Norm(exact);
                }
            }

            context.Progress.Advance();
        }

        return cell;
    }
}
