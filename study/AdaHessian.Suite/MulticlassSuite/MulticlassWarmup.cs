using AdaHessian.Suite.Data;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>
/// Runs every method on a small seeded problem before anything is timed, so the first dataset's times do not include
/// JIT compilation (nor tier-0 code) that later datasets do not pay. The results are discarded.
/// </summary>
internal static class MulticlassWarmup
{
    /// <summary>Fits of each method (a search runs once whatever this is).</summary>
    public const int Fits = 3;

    /// <summary>Runs the warm-up.</summary>
    public static void Run(IEnumerable<IMulticlassMethod> methods)
    {
        PreparedMulticlass data = MulticlassPreparation.Prepare(StratifiedSplit.Split(Blobs(3, 40, 4, seed: 1)));
        foreach (IMulticlassMethod method in methods)
        {
            method.Run(data, Fits);
        }
    }

    /// <summary>
    /// <paramref name="perClass"/> rows of each of <paramref name="classes"/> classes, feature j of class c drawn from
    /// N(2·[j = c mod features], 1): overlapping blobs, so no fit runs to a separable limit.
    /// </summary>
    internal static MulticlassRows Blobs(int classes, int perClass, int features, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var rows = new float[classes * perClass][];
        var labels = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            labels[i] = i % classes;
            rows[i] = [.. Enumerable.Range(0, features).Select(j => (float)Normal.Sample(random, j == labels[i] % features ? 2 : 0, 1))];
        }

        return new MulticlassRows(rows, labels, [.. Enumerable.Range(0, classes).Select(c => $"class {c}")]);
    }
}
