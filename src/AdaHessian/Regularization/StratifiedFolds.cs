using MathNet.Numerics.Random;

namespace AdaHessian.Regularization;

/// <summary>
/// K folds of the rows, stratified by class: each class's rows are shuffled with a seeded generator and dealt to
/// the folds in turn, so every fold holds each class in about its overall share.
/// </summary>
internal static class StratifiedFolds
{
    /// <summary>The fold of every row, in [0, <paramref name="folds"/>).</summary>
    /// <param name="classes">The class of every row (its stratum), ≥ 0.</param>
    /// <param name="folds">Number of folds, ≥ 2.</param>
    /// <param name="seed">Seeds the shuffle.</param>
    public static int[] Assign(ReadOnlySpan<int> classes, int folds, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var fold = new int[classes.Length];
        int classCount = 0;
        foreach (int c in classes)
        {
            classCount = Math.Max(classCount, c + 1);
        }

        var members = new List<int>[classCount];
        for (int c = 0; c < classCount; c++)
        {
            members[c] = [];
        }

        for (int i = 0; i < classes.Length; i++)
        {
            members[classes[i]].Add(i);
        }

        // One running position over all classes, so small classes do not all start in fold 0.
        int dealt = 0;
        foreach (List<int> rows in members)
        {
            for (int k = rows.Count - 1; k > 0; k--)
            {
                int other = random.Next(k + 1);
                (rows[k], rows[other]) = (rows[other], rows[k]);
            }

            foreach (int row in rows)
            {
                fold[row] = dealt++ % folds;
            }
        }

        return fold;
    }

    /// <summary>The rows of fold <paramref name="k"/> (held out) and the others (trained on), each in row order.</summary>
    public static (int[] Train, int[] HeldOut) Split(ReadOnlySpan<int> fold, int k)
    {
        var train = new List<int>(fold.Length);
        var heldOut = new List<int>(fold.Length / 2);
        for (int i = 0; i < fold.Length; i++)
        {
            (fold[i] == k ? heldOut : train).Add(i);
        }

        return ([.. train], [.. heldOut]);
    }
}
