using AdaHessian.Data;

namespace AdaHessian.Tests.TestSupport;

/// <summary>Small seeded problems, stored both densely and as CSR from the same float values.</summary>
internal sealed class TestProblem
{
    public required int Rows { get; init; }

    public required int Columns { get; init; }

    /// <summary>Row-major dense features (zeros included).</summary>
    public required float[] Features { get; init; }

    public required float[] Labels { get; init; }

    public float[]? Weights { get; init; }

    public FeatureMatrix DenseMatrix() => FeatureMatrix.Dense(Rows, Columns, (float[])Features.Clone());

    public FeatureMatrix SparseMatrix() => TestData.ToCsr(Rows, Columns, Features);

    public LogisticDataset Dataset(bool sparse) =>
        new(sparse ? SparseMatrix() : DenseMatrix(), (float[])Labels.Clone(), (float[]?)Weights?.Clone());

    public float X(int row, int column) => Features[row * Columns + column];

    public double Weight(int row) => Weights is null ? 1.0 : Weights[row];

    public double TotalWeight
    {
        get
        {
            double total = 0;
            for (int i = 0; i < Rows; i++)
            {
                total += Weight(i);
            }

            return total;
        }
    }
}

internal static class TestData
{
    /// <summary>
    /// Features uniform in [−scale, scale] with a fraction <paramref name="zeroFraction"/> set to exactly 0, labels
    /// 0/1 from a noisy linear rule (or uniform in [0, 1] when not <paramref name="binary"/>), optional weights in
    /// [0.2, 3] with a few exact zeros.
    /// </summary>
    public static TestProblem Random(int rows, int columns, int seed, double zeroFraction = 0.3, bool weighted = true,
        bool binary = true, double scale = 1.5)
    {
        var random = new Random(seed);
        var features = new float[rows * columns];
        for (int k = 0; k < features.Length; k++)
        {
            features[k] = random.NextDouble() < zeroFraction ? 0f : (float)(scale * (2 * random.NextDouble() - 1));
        }

        var truth = new double[columns];
        for (int j = 0; j < columns; j++)
        {
            truth[j] = 2 * random.NextDouble() - 1;
        }

        var labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            if (!binary)
            {
                labels[i] = (float)random.NextDouble();
                continue;
            }

            double a = 0;
            for (int j = 0; j < columns; j++)
            {
                a += truth[j] * features[i * columns + j];
            }

            double p = 1 / (1 + Math.Exp(-2 * a));
            labels[i] = random.NextDouble() < p ? 1f : 0f;
        }

        float[]? weights = null;
        if (weighted)
        {
            weights = new float[rows];
            for (int i = 0; i < rows; i++)
            {
                weights[i] = i % 7 == 3 ? 0f : (float)(0.2 + 2.8 * random.NextDouble());
            }

            weights[0] = 1.5f; // never all zero
        }

        return new TestProblem { Rows = rows, Columns = columns, Features = features, Labels = labels, Weights = weights };
    }

    /// <summary>CSR of the non-zeros of a row-major dense array.</summary>
    public static FeatureMatrix ToCsr(int rows, int columns, float[] dense)
    {
        var starts = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                float v = dense[i * columns + j];
                if (v != 0f)
                {
                    indices.Add(j);
                    values.Add(v);
                }
            }

            starts[i + 1] = values.Count;
        }

        return FeatureMatrix.Sparse(rows, columns, starts, indices.ToArray(), values.ToArray());
    }

    /// <summary>A seeded vector with entries uniform in [lo, hi].</summary>
    public static double[] Vector(int length, int seed, double lo = -1, double hi = 1)
    {
        var random = new Random(seed);
        var v = new double[length];
        for (int j = 0; j < v.Length; j++)
        {
            v[j] = lo + (hi - lo) * random.NextDouble();
        }

        return v;
    }

    /// <summary>An unsorted subset of row indices (a mini-batch), drawn without replacement.</summary>
    public static int[] Subset(int rows, int count, int seed)
    {
        var random = new Random(seed);
        int[] all = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(all);
        return all[..count];
    }
}
