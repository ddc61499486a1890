using AdaHessian.Data;
using AdaHessian.Suite.Data;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace AdaHessian.Suite.Synthetic;

/// <summary>
/// Dense data from a planted logistic model. Latent z ~ N(0, I); feature j is v_j = z_j + <see cref="Mixing"/>·z_{j−1}
/// (neighbouring columns correlate) times <see cref="ColumnScale"/>(j); the label is drawn from σ(w·v/scale + 0.3) with
/// planted w_j ~ N(0, 4/d), so the scale changes the features but not the labels. Train and test come from one stream.
/// </summary>
/// <param name="TrainRows">Training rows.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="Features">Columns d.</param>
/// <param name="Seed">Seed of the Xoshiro256** stream.</param>
internal sealed record PlantedDense(int TrainRows, int TestRows, int Features, int Seed)
{
    /// <summary>How much of the previous column's latent value each column mixes in.</summary>
    public double Mixing { get; init; } = 0.5;

    /// <summary>The scale of column j; 1 by default.</summary>
    public Func<int, double> ColumnScale { get; init; } = _ => 1;

    /// <summary>Draws the training and test rows.</summary>
    public DataSplit Generate()
    {
        var random = new Xoshiro256StarStar(Seed, threadSafe: false);
        var w = new double[Features];
        for (int j = 0; j < Features; j++)
        {
            w[j] = Normal.Sample(random, 0, 2 / Math.Sqrt(Features));
        }

        var train = Draw(random, w, TrainRows);
        return new DataSplit(train, Draw(random, w, TestRows));
    }

    private LogisticDataset Draw(Random random, double[] w, int rows)
    {
        var values = new float[(long)rows * Features];
        var labels = new float[rows];
        var z = new double[Features];
        for (int i = 0; i < rows; i++)
        {
            double a = 0.3;
            for (int j = 0; j < Features; j++)
            {
                z[j] = Normal.Sample(random, 0, 1);
                double v = z[j] + (j > 0 ? Mixing * z[j - 1] : 0);
                a += w[j] * v;
                values[(long)i * Features + j] = (float)(v * ColumnScale(j));
            }

            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-a)) ? 1f : 0f;
        }

        return new LogisticDataset(FeatureMatrix.Dense(rows, Features, values), labels);
    }
}
