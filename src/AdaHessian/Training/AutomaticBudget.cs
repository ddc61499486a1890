namespace AdaHessian.Training;

/// <summary>
/// The batch size and step budget the trainers choose from the data's shape when the user sets none. Measured on 26
/// public and synthetic data sets (1 to 400,000 rows, 5 to 100,000 features): small data wants full batches and a few
/// hundred to two thousand steps, which 30 epochs of mini-batches do not give it; wide sparse data wants batches large
/// enough that the O(d) work of a step does not exceed the data it reads.
/// </summary>
internal static class AutomaticBudget
{
    /// <summary>Data up to this many rows trains on full batches.</summary>
    public const int FullBatchRows = 4096;

    /// <summary>The smallest mini-batch.</summary>
    public const int MinimumBatch = 256;

    /// <summary>n ≤ 4,096: all rows; else max(256, ⌈(d + 1) / mean stored values per row⌉).</summary>
    public static int BatchSize(long rows, int features, long storedValues)
    {
        if (rows <= FullBatchRows)
        {
            return (int)rows;
        }

        double perRow = Math.Max(1, (double)storedValues / rows);
        return (int)Math.Min(rows, Math.Max(MinimumBatch, Math.Ceiling((features + 1) / perRow)));
    }

    /// <summary>Epochs so that the run takes at least <paramref name="minimumSteps"/> steps: max(E, ⌈S / steps per epoch⌉).</summary>
    public static int Epochs(long rows, int batchSize, int epochs, int minimumSteps)
    {
        long perEpoch = (rows + batchSize - 1) / batchSize;
        return (int)Math.Min(int.MaxValue, Math.Max(epochs, (minimumSteps + perEpoch - 1) / perEpoch));
    }

    /// <summary>Steps in <paramref name="epochs"/> epochs of <paramref name="batchSize"/> rows.</summary>
    public static long Steps(long rows, int batchSize, int epochs) => epochs * ((rows + batchSize - 1) / batchSize);
}
