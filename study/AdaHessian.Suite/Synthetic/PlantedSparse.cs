using AdaHessian.Data;
using AdaHessian.Suite.Data;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace AdaHessian.Suite.Synthetic;

/// <summary>
/// Wide sparse binary data from a planted logistic model: each row has <see cref="NonZerosPerRow"/> distinct columns
/// set to 1, column ⌊d·u²⌋ for u ~ U(0, 1) (a few frequent columns, a long tail of rare ones, as in text); the label
/// is drawn from σ(Σ w_j) over the row's columns, planted w_j ~ N(0, 0.5²).
/// </summary>
/// <param name="TrainRows">Training rows.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="Features">Columns d.</param>
/// <param name="NonZerosPerRow">Distinct columns set in every row.</param>
/// <param name="Seed">Seed of the Xoshiro256** stream.</param>
internal sealed record PlantedSparse(int TrainRows, int TestRows, int Features, int NonZerosPerRow, int Seed)
{
    /// <summary>Draws the training and test rows.</summary>
    public DataSplit Generate()
    {
        var random = new Xoshiro256StarStar(Seed, threadSafe: false);
        var w = new double[Features];
        for (int j = 0; j < Features; j++)
        {
            w[j] = Normal.Sample(random, 0, 0.5);
        }

        var train = Draw(random, w, TrainRows);
        return new DataSplit(train, Draw(random, w, TestRows));
    }

    private LogisticDataset Draw(Random random, double[] w, int rows)
    {
        var starts = new int[rows + 1];
        var indices = new int[(long)rows * NonZerosPerRow];
        var labels = new float[rows];
        var row = new SortedSet<int>();
        int k = 0;
        for (int i = 0; i < rows; i++)
        {
            row.Clear();
            while (row.Count < NonZerosPerRow)
            {
                double u = random.NextDouble();
                row.Add(Math.Min(Features - 1, (int)(Features * u * u)));
            }

            double a = 0;
            foreach (int j in row)
            {
                indices[k++] = j;
                a += w[j];
            }

            starts[i + 1] = k;
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-a)) ? 1f : 0f;
        }

        var values = new float[indices.Length];
        Array.Fill(values, 1f);
        return new LogisticDataset(FeatureMatrix.Sparse(rows, Features, starts, indices, values), labels);
    }
}
