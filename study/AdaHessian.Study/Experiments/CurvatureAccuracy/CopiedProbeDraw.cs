using AdaHessian.Curvature;
using AdaHessian.Objective;
using MathNet.Numerics.Random;

namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>
/// A copy of <see cref="CurvatureEstimator"/>'s Rademacher probe draw, kept here alone until the core exposes its
/// own: the experiment needs the probes themselves (to nest smaller N inside the largest), which the estimator does
/// not hand out. <see cref="CheckAgainstEstimator"/> fails loudly when the copy and the library drift apart.
/// </summary>
internal static class CopiedProbeDraw
{
    /// <summary>The probe seed of repeat <paramref name="repeat"/> (0-based).</summary>
    public static int Seed(int repeat) => repeat + 1;

    /// <summary>
    /// Fills <paramref name="probes"/> (probes.Length / p probes of p entries) as the estimator draws them: per probe,
    /// one generator byte block, one bit per entry, 0 → −1 and 1 → +1.
    /// </summary>
    public static void Draw(int seed, int p, double[] probes)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var bits = new byte[(p + 7) / 8];
        for (int s = 0; s < probes.Length / p; s++)
        {
            random.NextBytes(bits);
            for (int j = 0; j < p; j++)
            {
                probes[s * p + j] = ((bits[j >> 3] >> (j & 7)) & 1) == 0 ? -1.0 : 1.0;
            }
        }
    }

    /// <summary>Throws unless the library's estimator with N = <paramref name="samples"/>, b and seed 1 gives <paramref name="expected"/>.</summary>
    public static void CheckAgainstEstimator(LogisticObjective objective, double[] theta, int samples, int block, double[] expected)
    {
        var options = new CurvatureOptions(CurvatureKind.Hutchinson, samples, block);
        var estimator = new CurvatureEstimator(options, objective.ParameterCount, Seed(0));
        estimator.EvaluateAndRefresh(objective, objective.AllRows, theta, new double[objective.ParameterCount]);
        if (Vectors.Distance(estimator.Diagonal.ToArray(), expected) > 1e-10 * Vectors.Norm(expected))
        {
            throw new InvalidOperationException(
                $"The experiment's Hutchinson estimate (N={samples}, b={block}) differs from CurvatureEstimator's; " +
                "its probe drawing no longer matches the library's.");
        }
    }
}
