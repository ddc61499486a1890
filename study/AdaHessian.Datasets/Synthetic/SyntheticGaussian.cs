using MathNet.Numerics.Random;

namespace AdaHessian.Datasets;

/// <summary>
/// Seeded logistic-model data: labels drawn from σ(w*·x + b*). Dense features are Gaussian with column scales spread
/// over two decades (condition number of the covariance ≈ 10⁴); sparse rows have a fixed number of distinct columns
/// with Gaussian values.
/// </summary>
public static class SyntheticGaussian
{
    /// <summary>Dense rows; column j has standard deviation 10^(−2j/(d−1)).</summary>
    public static LabelledMatrix Dense(int rows, int columns, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        double[] scale = new double[columns];
        double[] truth = new double[columns];
        for (int j = 0; j < columns; j++)
        {
            scale[j] = Math.Pow(10, -2.0 * j / Math.Max(columns - 1, 1));
            truth[j] = Gaussian(random) / (scale[j] * Math.Sqrt(columns));
        }

        var values = new float[(long)rows * columns];
        var labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double a = 0.3;
            for (int j = 0; j < columns; j++)
            {
                float x = (float)(Gaussian(random) * scale[j]);
                values[(long)i * columns + j] = x;
                a += truth[j] * x;
            }

            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-2 * a)) ? 1f : 0f;
        }

        return LabelledMatrix.Dense(rows, columns, values, labels);
    }

    /// <summary>CSR rows with <paramref name="perRow"/> distinct, sorted columns each.</summary>
    public static LabelledMatrix Sparse(int rows, int columns, int perRow, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        double[] truth = new double[columns];
        for (int j = 0; j < columns; j++)
        {
            truth[j] = Gaussian(random);
        }

        var rowStarts = new int[rows + 1];
        var indices = new int[(long)rows * perRow];
        var values = new float[(long)rows * perRow];
        var labels = new float[rows];
        Span<int> picked = stackalloc int[perRow];
        for (int i = 0; i < rows; i++)
        {
            int count = 0;
            while (count < perRow)
            {
                int c = random.Next(columns);
                if (!picked[..count].Contains(c))
                {
                    picked[count++] = c;
                }
            }

            picked.Sort();
            double a = -0.2;
            int start = i * perRow;
            for (int k = 0; k < perRow; k++)
            {
                float x = (float)Gaussian(random);
                indices[start + k] = picked[k];
                values[start + k] = x;
                a += truth[picked[k]] * x / Math.Sqrt(perRow);
            }

            rowStarts[i + 1] = start + perRow;
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-2 * a)) ? 1f : 0f;
        }

        return LabelledMatrix.Sparse(rows, columns, rowStarts, indices, values, labels);
    }

    // Box–Muller on the seeded generator, so the data is identical on every platform.
    private static double Gaussian(Xoshiro256StarStar random)
    {
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
