using AdaHessian.Data;
using AdaHessian.Datasets;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace AdaHessian.Benchmarks.Data;

/// <summary>
/// Seeded multiclass data for the softmax benchmarks: the features of <see cref="SyntheticGaussian"/> (dense or CSR)
/// and labels yᵢ = argmaxₖ xᵢ·vₖ for K random Gaussian directions vₖ, so every class occurs.
/// </summary>
internal static class SyntheticMulticlass
{
    /// <summary><paramref name="rows"/> × <paramref name="columns"/> dense rows in <paramref name="classes"/> classes.</summary>
    public static MulticlassDataset Dense(int rows, int columns, int classes, int seed) =>
        Labelled(SyntheticGaussian.Dense(rows, columns, seed), classes, seed);

    /// <summary>CSR rows with <paramref name="perRow"/> non-zeros each, in <paramref name="classes"/> classes.</summary>
    public static MulticlassDataset Sparse(int rows, int columns, int perRow, int classes, int seed) =>
        Labelled(SyntheticGaussian.Sparse(rows, columns, perRow, seed), classes, seed);

    /// <summary>The features of <paramref name="x"/> with argmax labels over <paramref name="classes"/> random directions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two classes.</exception>
    public static MulticlassDataset Labelled(LabelledMatrix x, int classes, int seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var random = new Xoshiro256StarStar(seed + 1_000_003, threadSafe: false);
        var directions = new double[classes * x.Columns];
        for (int j = 0; j < directions.Length; j++)
        {
            directions[j] = Normal.Sample(random, 0, 1);
        }

        FeatureMatrix features = x.IsSparse
            ? FeatureMatrix.Sparse(x.Rows, x.Columns, x.RowStarts!, x.Indices!, x.Values)
            : FeatureMatrix.Dense(x.Rows, x.Columns, x.Values);
        var labels = new int[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            FeatureRow row = features.Row(i);
            double best = double.NegativeInfinity;
            for (int k = 0; k < classes; k++)
            {
                double score = 0;
                for (int t = 0; t < row.Values.Length; t++)
                {
                    score += row.Values[t] * directions[k * x.Columns + (row.Indices.IsEmpty ? t : row.Indices[t])];
                }

                if (score > best)
                {
                    (best, labels[i]) = (score, k);
                }
            }
        }

        return new MulticlassDataset(features, labels, classes);
    }
}
