using AdaHessian.Data;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace AdaHessian.Datasets;

/// <summary>
/// Seeded logistic-regression data with a controlled condition number. Features are z·diag(s)·Qᵀ with z standard
/// normal and scales sⱼ log-spaced from 1 down to 1/√κ, so E[xxᵀ] (and, up to p(1−p), the Hessian) has condition
/// number κ. Q = I gives axis-aligned curvature (a diagonal preconditioner can undo it); a random orthogonal Q from
/// MathNet's QR rotates it (it cannot). Labels are Bernoulli(σ(x·w* + b*)).
/// </summary>
public static class SyntheticLogistic
{
    /// <summary>Generates <paramref name="rows"/> rows of <paramref name="features"/> features with condition number κ = <paramref name="conditionNumber"/>.</summary>
    public static LogisticDataset Generate(int rows, int features, double conditionNumber, bool rotated, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var normal = new Normal(0, 1, random);
        double[] scales = Enumerable.Range(0, features)
            .Select(j => features == 1 ? 1 : Math.Pow(conditionNumber, -0.5 * j / (features - 1)))
            .ToArray();
        // The rotation has its own stream, so the axis-aligned and rotated problems of one seed share z, w* and labels.
        var rotationNormal = new Normal(0, 1, new Xoshiro256StarStar(unchecked(seed * 7919 + 17), threadSafe: false));
        Matrix<double> q = rotated
            ? Matrix<double>.Build.Dense(features, features, (_, _) => rotationNormal.Sample()).QR().Q
            : Matrix<double>.Build.DenseIdentity(features);

        // The true weights act on the scaled coordinates, so every direction matters for the labels.
        double[] trueWeights = Enumerable.Range(0, features).Select(_ => normal.Sample() * 2 / Math.Sqrt(features)).ToArray();
        double trueBias = 0.25;
        var values = new float[rows * features];
        var labels = new float[rows];
        var z = new double[features];
        for (int i = 0; i < rows; i++)
        {
            double activation = trueBias;
            for (int j = 0; j < features; j++)
            {
                z[j] = normal.Sample();
                activation += trueWeights[j] * z[j];
            }

            for (int k = 0; k < features; k++)
            {
                double x = 0;
                for (int j = 0; j < features; j++)
                {
                    x += z[j] * scales[j] * q[k, j];
                }

                values[i * features + k] = (float)x;
            }

            // The activation uses unscaled z, so the optimum's weights grow along the small-scale directions.
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-activation)) ? 1f : 0f;
        }

        return new LogisticDataset(FeatureMatrix.Dense(rows, features, values), labels);
    }
}
