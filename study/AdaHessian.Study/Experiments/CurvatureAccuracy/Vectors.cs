using AdaHessian.Curvature;

namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>The few vector operations the error measures need.</summary>
internal static class Vectors
{
    /// <summary>Euclidean norm.</summary>
    public static double Norm(double[] x) => Math.Sqrt(x.Sum(v => v * v));

    /// <summary>Euclidean distance.</summary>
    public static double Distance(double[] x, double[] y) => Math.Sqrt(x.Zip(y, (a, b) => (a - b) * (a - b)).Sum());

    /// <summary>The library's spatial averaging over blocks of <paramref name="block"/>, into a new array.</summary>
    public static double[] Averaged(double[] values, int block)
    {
        var averaged = new double[values.Length];
        SpatialAveraging.Apply(values, block, averaged);
        return averaged;
    }
}
