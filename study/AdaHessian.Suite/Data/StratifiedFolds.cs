using MathNet.Numerics.Random;

namespace AdaHessian.Suite.Data;

/// <summary>
/// The k-fold split of the cross-validated baseline: each class shuffled on its own (Fisher–Yates, Xoshiro256**, as
/// <see cref="SeededSplit"/> does), then the positives and after them the negatives dealt to the folds in turn, so
/// every fold's size and class counts are within one of their share.
/// </summary>
internal static class StratifiedFolds
{
    /// <summary>The seed of the shuffle, the same for every dataset.</summary>
    public const int Seed = 11;

    /// <summary>The fold, in [0, <paramref name="folds"/>), of each row of <paramref name="labels"/> (1 = positive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two folds, or fewer rows than folds.</exception>
    public static int[] Assign(IReadOnlyList<float> labels, int folds, int seed = Seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (labels.Count < folds)
        {
            throw new ArgumentOutOfRangeException(nameof(labels), $"Need at least {folds} rows for {folds} folds, got {labels.Count}.");
        }

        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var fold = new int[labels.Count];
        int next = 0;
        foreach (bool positive in new[] { true, false })
        {
            int[] rows = [.. Enumerable.Range(0, labels.Count).Where(i => labels[i] == 1f == positive)];
            for (int i = rows.Length - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }

            foreach (int row in rows)
            {
                fold[row] = next++ % folds;
            }
        }

        return fold;
    }
}
