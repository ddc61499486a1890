using MathNet.Numerics.Random;

namespace AdaHessian.Suite.Data;

/// <summary>
/// The train/test split of multiclass data that comes without one, stratified by class: each class's rows are shuffled
/// (Fisher–Yates, Xoshiro256**, as <see cref="SeededSplit"/> does) and its first ⌊70 %⌋ go to training, at least one
/// to each side when the class has two rows or more (a class of one row trains). Both parts are then shuffled, so rows
/// of a class do not sit together. Every class with at least two rows is in both parts.
/// </summary>
internal static class StratifiedSplit
{
    /// <summary>The share of each class's rows that go to training, in percent (integer, so 70 % of 10 is exactly 7).</summary>
    public const int TrainPercent = 70;

    /// <summary>Splits <paramref name="rows"/> with a generator seeded by <paramref name="seed"/>.</summary>
    /// <exception cref="InvalidDataException">No class has two rows, so the test part would be empty.</exception>
    public static MulticlassSplit Split(MulticlassRows rows, int seed = SeededSplit.Seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var train = new List<int>();
        var test = new List<int>();
        for (int c = 0; c < rows.Classes.Count; c++)
        {
            int[] members = [.. Enumerable.Range(0, rows.Count).Where(i => rows.Labels[i] == c)];
            Shuffle(members, random);
            int kept = TrainRows(members.Length);
            train.AddRange(members[..kept]);
            test.AddRange(members[kept..]);
        }

        if (test.Count == 0)
        {
            throw new InvalidDataException($"No class of the {rows.Count} rows has two rows, so nothing is left to test on.");
        }

        int[] trainOrder = [.. train], testOrder = [.. test];
        Shuffle(trainOrder, random);
        Shuffle(testOrder, random);
        return new MulticlassSplit(rows.Select(trainOrder), rows.Select(testOrder));
    }

    /// <summary>The training rows of a class of <paramref name="classRows"/> rows.</summary>
    public static int TrainRows(int classRows) =>
        classRows < 2 ? classRows : Math.Clamp(classRows * TrainPercent / 100, 1, classRows - 1);

    /// <summary>Fisher–Yates in place, drawing from <paramref name="random"/>.</summary>
    internal static void Shuffle(int[] items, Random random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
