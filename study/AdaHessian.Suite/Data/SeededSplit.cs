using MathNet.Numerics.Random;

namespace AdaHessian.Suite.Data;

/// <summary>The train/test split for data that comes without one: a seeded shuffle, then the first 70 % train.</summary>
internal static class SeededSplit
{
    /// <summary>The share of rows that go to training.</summary>
    public const double TrainFraction = 0.7;

    /// <summary>The seed of the shuffle, the same for every dataset.</summary>
    public const int Seed = 7;

    /// <summary>Shuffles a copy of <paramref name="rows"/> (Fisher–Yates, Xoshiro256**) and cuts it 70/30.</summary>
    /// <exception cref="InvalidDataException">Fewer than two rows.</exception>
    public static DataSplit Split(IReadOnlyList<LabelledRow> rows, int seed = Seed)
    {
        if (rows.Count < 2)
        {
            throw new InvalidDataException($"Need at least two rows to split, got {rows.Count}.");
        }

        var shuffled = rows.ToArray();
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        for (int i = shuffled.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        int train = Math.Clamp((int)(shuffled.Length * TrainFraction), 1, shuffled.Length - 1);
        return new DataSplit(DenseRows.ToDataset(shuffled[..train]), DenseRows.ToDataset(shuffled[train..]));
    }
}
