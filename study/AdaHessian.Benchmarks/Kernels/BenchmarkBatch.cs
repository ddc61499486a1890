using AdaHessian.Objective;
using MathNet.Numerics.Random;

namespace AdaHessian.Benchmarks.Kernels;

/// <summary>What the step benchmarks share: the batch a case names and the point the steps start from.</summary>
internal static class BenchmarkBatch
{
    /// <summary>"Full": every row; a number: that many rows of a seeded shuffle.</summary>
    public static ReadOnlyMemory<int> Rows(IObjective objective, string batch)
    {
        if (batch == "Full")
        {
            return objective.AllRows;
        }

        var random = new Xoshiro256StarStar(5, threadSafe: false);
        int[] order = objective.AllRows.ToArray();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order.AsMemory(0, int.Parse(batch, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>θⱼ = 0.01 sin j: small, varied, reproducible.</summary>
    public static double[] Start(int parameters)
    {
        var theta = new double[parameters];
        for (int j = 0; j < parameters; j++)
        {
            theta[j] = 0.01 * Math.Sin(j);
        }

        return theta;
    }
}
