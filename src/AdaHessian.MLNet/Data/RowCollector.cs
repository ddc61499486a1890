namespace AdaHessian.MLNet.Data;

/// <summary>
/// The kept rows of a <see cref="KeptRowCursor"/>, collected in one pass: features (<see cref="FeatureCollector"/>),
/// labels and weights, and their total weight. <see cref="DataViewReader"/> collects all rows with one, a streamed
/// read one block of rows.
/// </summary>
/// <typeparam name="TLabel">The label as the dataset holds it: a target in [0, 1], or a class.</typeparam>
internal sealed class RowCollector<TLabel>
{
    private readonly Func<KeptRowCursor, TLabel> _label;

    /// <param name="columns">The checked columns.</param>
    /// <param name="featureCount">The feature column's size.</param>
    /// <param name="expectedRows">Rows to reserve room for (labels and weights), 0 when unknown.</param>
    /// <param name="label">The label of the cursor's current row.</param>
    /// <param name="presizedValues">Room for a dense matrix the features may take (<see cref="FeatureCollector"/>), 0 for none.</param>
    public RowCollector(TrainingColumns columns, int featureCount, long expectedRows, Func<KeptRowCursor, TLabel> label,
        long presizedValues = 0)
    {
        _label = label;
        Features = new FeatureCollector(columns.Features.Name, featureCount, expectedRows, presizedValues);
        Labels = new ArrayBuilder<TLabel>(expectedRows);
        Weights = columns.Weight is null ? null : new ArrayBuilder<float>(expectedRows);
    }

    /// <summary>The features of the rows added.</summary>
    public FeatureCollector Features { get; }

    /// <summary>Their labels.</summary>
    public ArrayBuilder<TLabel> Labels { get; }

    /// <summary>Their weights; null without a weight column.</summary>
    public ArrayBuilder<float>? Weights { get; }

    /// <summary>The sum of their weights.</summary>
    public double TotalWeight { get; private set; }

    /// <summary>Rows added.</summary>
    public int RowCount => Features.RowCount;

    /// <summary>Bytes the rows take while collected: features, and 4 bytes a label and a weight.</summary>
    public long StoredBytes => Features.StoredBytes + RowCount * (Weights is null ? 4L : 8L);

    /// <summary>Adds the cursor's current kept row.</summary>
    public void Add(KeptRowCursor cursor)
    {
        Features.Add(cursor.Features);
        Labels.Add(_label(cursor));
        Weights?.Add(cursor.Weight);
        TotalWeight += cursor.Weight;
    }
}
