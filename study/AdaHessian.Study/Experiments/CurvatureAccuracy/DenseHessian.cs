using System.Runtime.Intrinsics;
using AdaHessian.Objective;

namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>
/// H assembled row by row from the objective's own Hessian-vector products with unit vectors, and products with it.
/// On Fashion-MNIST (785 parameters) that is several times cheaper than a data pass per probe.
/// </summary>
internal static class DenseHessian
{
    /// <summary>H at <paramref name="theta"/>, row-major (row k = H e_k; symmetric up to rounding).</summary>
    public static double[] At(LogisticObjective objective, double[] theta)
    {
        int p = objective.ParameterCount, batch = Math.Min(p, 64);
        var hessian = new double[p * p];
        var units = new double[batch * p];
        var gradient = new double[p];
        for (int start = 0; start < p; start += batch)
        {
            int count = Math.Min(batch, p - start);
            units.AsSpan().Clear();
            for (int s = 0; s < count; s++)
            {
                units[s * p + start + s] = 1;
            }

            objective.EvaluateWithHessianProducts(objective.AllRows, theta, gradient, units.AsSpan(0, count * p),
                hessian.AsSpan(start * p, count * p));
        }

        return hessian;
    }

    /// <summary>
    /// x·y summed in four 256-bit lanes in a fixed order, so the bits do not depend on the CPU's vector width
    /// (TensorPrimitives.Dot picks 512, 256 or 128 bits at run time).
    /// </summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var acc = Vector256<double>.Zero;
        int j = 0;
        for (; j <= x.Length - 4; j += 4)
        {
            acc += Vector256.Create(x.Slice(j, 4)) * Vector256.Create(y.Slice(j, 4));
        }

        double sum = acc[0] + acc[1] + (acc[2] + acc[3]);
        for (; j < x.Length; j++)
        {
            sum += x[j] * y[j];
        }

        return sum;
    }
}
