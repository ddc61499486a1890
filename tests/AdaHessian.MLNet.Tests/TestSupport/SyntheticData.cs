using AdaHessian.Datasets;
using MathNet.Numerics.Random;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Tests.TestSupport;

/// <summary>
/// Seeded logistic data: features uniform in [0, 1] (dense) or with a fraction of non-zeros (sparse), labels drawn
/// from Bernoulli(σ(w*·x + b*)) with known true weights, so a fitted model can be checked against them.
/// </summary>
internal static class SyntheticData
{
    /// <summary>True weights w*ⱼ = (−1)ʲ·(3 − 4j/d): large, alternating, shrinking; bias b* = 0.3.</summary>
    public static float[] TrueWeights(int featureCount) =>
        Enumerable.Range(0, featureCount).Select(j => (j % 2 == 0 ? 1f : -1f) * (3f - (4f * j / featureCount))).ToArray();

    public const float TrueBias = 0.3f;

    /// <summary>Dense rows of <paramref name="featureCount"/> features; every row weighs 1.</summary>
    public static DenseRow[] Dense(int rows, int featureCount, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var w = TrueWeights(featureCount);
        var result = new DenseRow[rows];
        for (int i = 0; i < rows; i++)
        {
            var x = new float[featureCount];
            for (int j = 0; j < featureCount; j++)
            {
                x[j] = (float)random.NextDouble();
            }

            result[i] = new DenseRow { Features = x, Label = Draw(random, x, w), Weight = 1f };
        }

        return result;
    }

    /// <summary>Sparse rows: each feature is non-zero (uniform in (0, 1]) with probability <paramref name="density"/>.</summary>
    public static SparseRow[] Sparse(int rows, int featureCount, double density, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var w = TrueWeights(featureCount);
        var result = new SparseRow[rows];
        for (int i = 0; i < rows; i++)
        {
            var dense = new float[featureCount];
            var indices = new List<int>();
            for (int j = 0; j < featureCount; j++)
            {
                if (random.NextDouble() < density)
                {
                    dense[j] = (float)(1 - random.NextDouble());
                    indices.Add(j);
                }
            }

            var values = indices.Select(j => dense[j]).ToArray();
            result[i] = new SparseRow
            {
                Features = new VBuffer<float>(featureCount, values.Length, values, [.. indices]),
                Label = Draw(random, dense, w),
            };
        }

        return result;
    }

    /// <summary>The same rows with dense feature arrays.</summary>
    public static DenseRow[] ToDense(IEnumerable<SparseRow> rows) =>
        rows.Select(r => new DenseRow { Features = r.Features.DenseValues().ToArray(), Label = r.Label, Weight = 1f }).ToArray();

    /// <summary>Loads rows whose Features column is a vector of <paramref name="featureCount"/> Single.</summary>
    public static IDataView Load<TRow>(MLContext mlContext, IEnumerable<TRow> rows, int featureCount)
        where TRow : class => DataViews.Load(mlContext, rows, featureCount);

    /// <summary>Dense synthetic data as an <see cref="IDataView"/>.</summary>
    public static IDataView DenseView(MLContext mlContext, int rows = 400, int featureCount = 6, int seed = 11) =>
        Load(mlContext, Dense(rows, featureCount, seed), featureCount);

    private static bool Draw(Xoshiro256StarStar random, float[] x, float[] w)
    {
        double a = TrueBias;
        for (int j = 0; j < x.Length; j++)
        {
            a += x[j] * w[j];
        }

        return random.NextDouble() < 1 / (1 + Math.Exp(-a));
    }

    /// <summary>A dense training row.</summary>
    public sealed class DenseRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];

        public float Weight { get; set; } = 1f;
    }

    /// <summary>A sparse training row.</summary>
    public sealed class SparseRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    /// <summary>A scored row.</summary>
    public sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
