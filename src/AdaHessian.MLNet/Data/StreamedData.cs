using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Training;
using Microsoft.ML;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// Training data read from its <see cref="IDataView"/> a block at a time instead of into memory. A first pass (the
/// survey) counts the rows as <see cref="DataViewReader"/> does, sums every feature column (the centring means), finds
/// the layout the rows would have in memory, and keeps a seeded uniform sample of them (<see cref="RowReservoir"/>) on
/// which the trainer makes its automatic choices and measures every epoch; <see cref="Blocks"/> then reads the rows
/// again every epoch.
/// </summary>
internal sealed class StreamedData
{
    // Rows read before the survey to size the sample: their mean size in memory.
    private const int SizingRows = 1024;

    private readonly IDataView _data;
    private readonly TrainingColumns _columns;
    private readonly double[] _columnSums;

    private StreamedData(IDataView data, TrainingColumns columns, long bufferBytes, double[] columnSums)
    {
        _data = data;
        _columns = columns;
        _columnSums = columnSums;
        BufferBytes = bufferBytes;
    }

    /// <summary>Bytes of rows in one block.</summary>
    public long BufferBytes { get; }

    /// <summary>Rows the survey's cursor returned.</summary>
    public long RowCount { get; private set; }

    /// <summary>Rows skipped (a non-finite feature or weight, or a negative weight).</summary>
    public long SkippedCount { get; private set; }

    /// <summary>Rows kept: the rows of every epoch.</summary>
    public long KeptCount { get; private set; }

    /// <summary>The kept rows' total weight.</summary>
    public double TotalWeight { get; private set; }

    /// <summary>True when a row is sparse: in memory the rows would be compressed sparse rows.</summary>
    public bool IsSparse { get; private set; }

    /// <summary>The values the rows would store in memory: their non-zeros when sparse, every value when dense.</summary>
    public long StoredValues { get; private set; }

    /// <summary>The features' vector size.</summary>
    public int FeatureCount => _columns.FeatureCount;

    /// <summary>The seeded uniform sample of the kept rows; null when there is no usable row.</summary>
    public LogisticDataset? Sample { get; private set; }

    /// <summary>The weighted mean of every feature column over the kept rows.</summary>
    public double[] ColumnMeans() => [.. _columnSums.Select(s => s / TotalWeight)];

    /// <summary>Surveys <paramref name="data"/>: one pass over every row.</summary>
    /// <param name="data">The training data.</param>
    /// <param name="columns">Its checked columns.</param>
    /// <param name="bufferBytes">Bytes of rows in one block; the sample takes at most as much.</param>
    /// <param name="maximumSampleRows">Rows the sample keeps at most.</param>
    /// <param name="seed">Seeds the sample.</param>
    /// <param name="cancellationToken">Checked every 4,096 rows.</param>
    public static StreamedData Survey(IDataView data, TrainingColumns columns, long bufferBytes, int maximumSampleRows,
        int seed, CancellationToken cancellationToken)
    {
        var survey = new StreamedData(data, columns, bufferBytes, new double[columns.FeatureCount]);
        int capacity = (int)Math.Clamp(bufferBytes / MeanRowBytes(data, columns), Math.Min(256, maximumSampleRows), maximumSampleRows);
        var reservoir = new RowReservoir(capacity, columns.FeatureCount, seed);
        long nonZeros = 0;
        using (var cursor = new KeptRowCursor(data, columns))
        {
            while (cursor.MoveNextKept())
            {
                if ((survey.KeptCount & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                survey.KeptCount++;
                survey.TotalWeight += cursor.Weight;
                survey.IsSparse |= !cursor.Features.IsDense;
                nonZeros += survey.AddToSums(cursor);
                reservoir.Offer(cursor);
            }

            survey.RowCount = cursor.RowCount;
            survey.SkippedCount = cursor.SkippedCount;
        }

        survey.StoredValues = survey.IsSparse ? nonZeros : survey.KeptCount * columns.FeatureCount;
        survey.Sample = survey.TotalWeight > 0 ? reservoir.ToDataset(columns) : null;
        if (survey.TotalWeight > 0 && survey.Sample is null)
        {
            throw new InvalidOperationException(
                $"The uniform sample of {reservoir.Count} rows that streaming keeps for its automatic choices weighs 0: almost every " +
                "row has example weight 0. Raise StreamingBufferMegabytes (a larger sample) or read the rows into memory (DataLoading = InMemory).");
        }

        return survey;
    }

    /// <summary>
    /// Every epoch's rows, block by block: <paramref name="batchSize"/> × k rows a block, as few as make up
    /// <see cref="BufferBytes"/>; the next block is read while the trainer trains on one.
    /// </summary>
    /// <param name="batchSize">Rows per step; a block holds a multiple of it.</param>
    /// <param name="shuffleSeed">
    /// Seeds the data's own shuffled cursor (epoch e uses seed + e) where the data supports one; null for the data's order.
    /// </param>
    /// <param name="objectiveOf">The objective of a block's rows.</param>
    public IRowBlockSource Blocks(int batchSize, int? shuffleSeed, Func<LogisticDataset, IObjective> objectiveOf) =>
        new StreamedRows(_data, _columns, ParameterLayout.Neuron(FeatureCount), KeptCount, BufferBytes, batchSize, shuffleSeed, objectiveOf);

    // Adds the row's weighted values to the column sums; returns its non-zeros.
    private int AddToSums(KeptRowCursor cursor)
    {
        ReadOnlySpan<float> values = cursor.Features.GetValues();
        ReadOnlySpan<int> indices = cursor.Features.IsDense ? default : cursor.Features.GetIndices();
        double w = cursor.Weight;
        int nonZeros = 0;
        for (int k = 0; k < values.Length; k++)
        {
            if (values[k] != 0)
            {
                _columnSums[indices.IsEmpty ? k : indices[k]] += w * values[k];
                nonZeros++;
            }
        }

        return nonZeros;
    }

    // The mean bytes of the first rows in their smaller form (dense, or values and columns), with label and weight.
    private static long MeanRowBytes(IDataView data, TrainingColumns columns)
    {
        using var cursor = new KeptRowCursor(data, columns);
        long bytes = 0;
        int rows = 0;
        while (rows < SizingRows && cursor.MoveNextKept())
        {
            int nonZeros = 0;
            foreach (float v in cursor.Features.GetValues())
            {
                nonZeros += v != 0 ? 1 : 0;
            }

            bytes += Math.Min(4L * columns.FeatureCount, 8L * nonZeros) + 8;
            rows++;
        }

        return Math.Max(1, bytes / Math.Max(1, rows));
    }
}
