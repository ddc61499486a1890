using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// A cursor over the training columns that steps over the rows the trainers skip: a non-finite feature value, a
/// weight that is negative or not finite, or (a key label) a missing label. <see cref="DataViewReader"/> reads every
/// row through it.
/// </summary>
internal sealed class KeptRowCursor : IDisposable
{
    private readonly DataViewRowCursor _cursor;
    private readonly ValueGetter<VBuffer<float>> _getFeatures;
    private readonly ValueGetter<bool>? _getLabel;
    private readonly ValueGetter<uint>? _getKey;
    private readonly ValueGetter<float>? _getWeight;
    private readonly string _column;
    private readonly int _columnCount;
    private VBuffer<float> _features;
    private bool _label;
    private uint _key;
    private float _weight = 1f;

    /// <param name="data">The training data.</param>
    /// <param name="columns">Its checked columns.</param>
    /// <param name="shuffle">
    /// Seeds a shuffled row order when the data supports it (<see cref="IDataView.CanShuffle"/>); null for the data's order.
    /// </param>
    public KeptRowCursor(IDataView data, TrainingColumns columns, Random? shuffle = null)
    {
        var active = new List<DataViewSchema.Column> { columns.Features, columns.Label };
        if (columns.Weight is { } w)
        {
            active.Add(w);
        }

        _column = columns.Features.Name;
        _columnCount = ((VectorDataViewType)columns.Features.Type).Size;
        _cursor = data.GetRowCursor(active, data.CanShuffle ? shuffle : null);
        _getFeatures = _cursor.GetGetter<VBuffer<float>>(columns.Features);
        if (columns.Label.Type is KeyDataViewType)
        {
            _getKey = _cursor.GetGetter<uint>(columns.Label);
        }
        else
        {
            _getLabel = _cursor.GetGetter<bool>(columns.Label);
        }
        _getWeight = columns.Weight is { } wc ? _cursor.GetGetter<float>(wc) : null;
    }

    /// <summary>Rows the cursor has returned so far, kept or not.</summary>
    public long RowCount { get; private set; }

    /// <summary>Rows stepped over so far.</summary>
    public long SkippedCount { get; private set; }

    /// <summary>The features of the current kept row (valid until the next move).</summary>
    public ref readonly VBuffer<float> Features => ref _features;

    /// <summary>The label of the current kept row (a Boolean label column).</summary>
    public bool Label => _label;

    /// <summary>The class of the current kept row, 0 … count − 1 (a key label column: its key value minus 1).</summary>
    public int Class => (int)(_key - 1);

    /// <summary>The weight of the current kept row (1 without a weight column).</summary>
    public float Weight => _weight;

    /// <summary>Moves to the next kept row; false at the end of the data.</summary>
    /// <exception cref="InvalidOperationException">A kept row's vector is not of the size the column declares.</exception>
    public bool MoveNextKept()
    {
        while (_cursor.MoveNext())
        {
            RowCount++;
            _getFeatures(ref _features);
            _getLabel?.Invoke(ref _label);
            _getKey?.Invoke(ref _key);
            _getWeight?.Invoke(ref _weight);
            if (_weight >= 0 && float.IsFinite(_weight) && (_getKey is null || _key != 0) && AllFinite(_features.GetValues()))
            {
                return _features.Length == _columnCount
                    ? true
                    : throw new InvalidOperationException(
                        $"A feature vector of the column '{_column}' (row index {RowCount - 1}) has {_features.Length} elements; " +
                        $"the column declares {_columnCount}.");
            }

            SkippedCount++;
        }

        return false;
    }

    public void Dispose() => _cursor.Dispose();

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
