using AdaHessian.Data;

namespace AdaHessian.Tests.TestSupport;

/// <summary>
/// A small seeded K-class problem (features and weights as <see cref="TestData.Random"/>, labels drawn from a random
/// softmax rule), stored densely or as CSR from the same floats, with a deliberately naive reference value:
/// per row −log p_y by log-sum-exp, written independently of the library.
/// </summary>
internal sealed class MulticlassProblem
{
    private MulticlassProblem(TestProblem features, int[] labels, int classCount)
    {
        Features = features;
        Labels = labels;
        ClassCount = classCount;
    }

    public TestProblem Features { get; }

    public int[] Labels { get; }

    public int ClassCount { get; }

    public int Rows => Features.Rows;

    public int Columns => Features.Columns;

    public int ParameterCount => ClassCount * (Columns + 1);

    public static MulticlassProblem Random(int rows, int columns, int classCount, int seed, double zeroFraction = 0.3,
        bool weighted = true)
    {
        TestProblem features = TestData.Random(rows, columns, seed, zeroFraction, weighted);
        double[] truth = TestData.Vector(classCount * columns, seed + 1, -1.5, 1.5);
        var random = new Random(seed + 2);
        var labels = new int[rows];
        var logits = new double[classCount];
        for (int i = 0; i < rows; i++)
        {
            for (int k = 0; k < classCount; k++)
            {
                logits[k] = 0;
                for (int j = 0; j < columns; j++)
                {
                    logits[k] += truth[k * columns + j] * features.X(i, j);
                }
            }

            // Sample y ∝ exp(logit): inverse CDF over the unnormalised weights.
            double[] e = logits.Select(Math.Exp).ToArray();
            double u = random.NextDouble() * e.Sum();
            int y = 0;
            double acc = e[0];
            while (acc < u && y < classCount - 1)
            {
                acc += e[++y];
            }

            labels[i] = y;
        }

        return new MulticlassProblem(features, labels, classCount);
    }

    public MulticlassDataset Dataset(bool sparse) => new(
        sparse ? Features.SparseMatrix() : Features.DenseMatrix(), (int[])Labels.Clone(), ClassCount,
        (float[]?)Features.Weights?.Clone());

    /// <summary>aₖ = wₖ·x + bₖ with θ class-major (block k = wₖ then bₖ).</summary>
    public double Logit(int row, int k, double[] theta)
    {
        int b = Columns + 1;
        double a = theta[k * b + Columns];
        for (int j = 0; j < Columns; j++)
        {
            a += Features.X(row, j) * theta[k * b + j];
        }

        return a;
    }

    /// <summary>(1/Ω_B) Σ_B ω (log Σₖ e^{aₖ} − a_y) + (λ/2Ω) Σₖ ‖wₖ‖².</summary>
    public double Value(double lambda, int[] rows, double[] theta)
    {
        double sum = 0, batchWeight = 0;
        foreach (int i in rows)
        {
            double[] a = Enumerable.Range(0, ClassCount).Select(k => Logit(i, k, theta)).ToArray();
            double max = a.Max();
            double logSumExp = max + Math.Log(a.Sum(v => Math.Exp(v - max)));
            double omega = Features.Weight(i);
            if (omega > 0)
            {
                sum += omega * (logSumExp - a[Labels[i]]);
            }

            batchWeight += omega;
        }

        double norm = 0;
        for (int k = 0; k < ClassCount; k++)
        {
            for (int j = 0; j < Columns; j++)
            {
                double w = theta[k * (Columns + 1) + j];
                norm += w * w;
            }
        }

        return sum / batchWeight + lambda / (2 * Features.TotalWeight) * norm;
    }
}
