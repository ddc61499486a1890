using MathNet.Numerics.Random;

namespace AdaHessian.Suite.Data;

/// <summary>
/// The k-fold split of the multiclass cross-validation, as <see cref="StratifiedFolds"/> does it for two classes: each
/// class shuffled on its own (Xoshiro256**), then the classes in order dealt to the folds in turn, one count running
/// through them all, so every fold's size and every class's count in a fold are within one of their share.
/// </summary>
internal static class StratifiedClassFolds
{
    /// <summary>The fold, in [0, <paramref name="folds"/>), of each row of <paramref name="labels"/> (class indices below <paramref name="classes"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two folds, fewer rows than folds, or a label out of range.</exception>
    public static int[] Assign(IReadOnlyList<int> labels, int classes, int folds, int seed = StratifiedFolds.Seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (labels.Count < folds)
        {
            throw new ArgumentOutOfRangeException(nameof(labels), $"Need at least {folds} rows for {folds} folds, got {labels.Count}.");
        }

        if (labels.Any(l => l < 0 || l >= classes))
        {
            throw new ArgumentOutOfRangeException(nameof(labels), $"Every label must be a class index below {classes}.");
        }

        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var fold = new int[labels.Count];
        int next = 0;
        for (int c = 0; c < classes; c++)
        {
            int[] rows = [.. Enumerable.Range(0, labels.Count).Where(i => labels[i] == c)];
            StratifiedSplit.Shuffle(rows, random);
            foreach (int row in rows)
            {
                fold[row] = next++ % folds;
            }
        }

        return fold;
    }
}
