using Microsoft.ML.Data;

namespace AdaHessian.Suite.Multiclass;

/// <summary>
/// A confusion matrix in label order: <c>Counts[a, p]</c> test rows of label a predicted as label p, from ML.NET's
/// <see cref="ConfusionMatrix"/> (rows actual, columns predicted, both in key order) and the key's label values.
/// </summary>
internal sealed class ClassConfusion
{
    /// <summary>Reorders <paramref name="keyOrderCounts"/> (rows actual, columns predicted, key order) into label order.</summary>
    /// <param name="keyOrderCounts">Square, one row and column per key.</param>
    /// <param name="labelOfKey">The label value 0 … K − 1 of each key, a permutation.</param>
    /// <exception cref="ArgumentException">The matrix is not K × K, or the labels are not a permutation of 0 … K − 1.</exception>
    public ClassConfusion(IReadOnlyList<IReadOnlyList<double>> keyOrderCounts, IReadOnlyList<int> labelOfKey)
    {
        ArgumentNullException.ThrowIfNull(keyOrderCounts);
        ArgumentNullException.ThrowIfNull(labelOfKey);
        int k = labelOfKey.Count;
        if (k == 0 || labelOfKey.OrderBy(l => l).Select((l, i) => l == i).Any(same => !same))
        {
            throw new ArgumentException($"The key's labels must be a permutation of 0 … {k - 1}.", nameof(labelOfKey));
        }

        if (keyOrderCounts.Count != k || keyOrderCounts.Any(row => row.Count != k))
        {
            throw new ArgumentException($"The confusion matrix must be {k} × {k}, one row and column per key.", nameof(keyOrderCounts));
        }

        Counts = new double[k, k];
        for (int actual = 0; actual < k; actual++)
        {
            for (int predicted = 0; predicted < k; predicted++)
            {
                Counts[labelOfKey[actual], labelOfKey[predicted]] = keyOrderCounts[actual][predicted];
            }
        }
    }

    /// <summary>From ML.NET's metrics.</summary>
    public ClassConfusion(ConfusionMatrix matrix, IReadOnlyList<int> labelOfKey)
        : this((matrix ?? throw new ArgumentNullException(nameof(matrix))).Counts, labelOfKey)
    {
    }

    /// <summary>Rows actual, columns predicted, label order.</summary>
    public double[,] Counts { get; }

    /// <summary>K.</summary>
    public int Classes => Counts.GetLength(0);

    /// <summary>The share of label <paramref name="actual"/>'s rows predicted as <paramref name="predicted"/>; NaN when it has none.</summary>
    public double Fraction(int actual, int predicted)
    {
        double total = 0;
        for (int p = 0; p < Classes; p++)
        {
            total += Counts[actual, p];
        }

        return total == 0 ? double.NaN : Counts[actual, predicted] / total;
    }

    /// <summary>The largest off-diagonal <see cref="Fraction"/>: the mistake the model makes most often (first in label order on ties).</summary>
    public (int Actual, int Predicted, double Fraction) WorstConfusion()
    {
        (int, int, double) worst = (0, Classes > 1 ? 1 : 0, double.NegativeInfinity);
        for (int a = 0; a < Classes; a++)
        {
            for (int p = 0; p < Classes; p++)
            {
                if (a != p && Fraction(a, p) > worst.Item3)
                {
                    worst = (a, p, Fraction(a, p));
                }
            }
        }

        return worst;
    }

    /// <summary>The label whose rows are most often right (recall), and the one least often (first in label order on ties).</summary>
    public (int Best, int Worst) RecallExtremes()
    {
        int best = 0, worst = 0;
        for (int a = 1; a < Classes; a++)
        {
            if (Fraction(a, a) > Fraction(best, best))
            {
                best = a;
            }

            if (Fraction(a, a) < Fraction(worst, worst))
            {
                worst = a;
            }
        }

        return (best, worst);
    }
}
