using AdaHessian.Data;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// Collects feature rows into a <see cref="FeatureMatrix"/>: row-major dense while every row arrives dense, and
/// compressed sparse rows (non-zeros only) from the first sparse row on, so sparse data stays sparse.
/// </summary>
internal sealed class FeatureMatrixBuilder
{
    private readonly int _columnCount;
    private readonly long _rowCapacity;
    private ArrayBuilder<float>? _values;
    private ArrayBuilder<int>? _indices;
    private ArrayBuilder<int>? _rowStarts;

    /// <param name="columnCount">The vector size every row must have.</param>
    /// <param name="rowCapacity">Expected number of rows (an upper bound when known), used to size the buffers.</param>
    public FeatureMatrixBuilder(int columnCount, long rowCapacity)
    {
        _columnCount = columnCount;
        _rowCapacity = Math.Max(rowCapacity, 0);
    }

    public int RowCount { get; private set; }

    public bool IsSparse => _rowStarts is not null;

    /// <summary>Appends one row; it must have <c>columnCount</c> elements.</summary>
    public void Add(in VBuffer<float> row)
    {
        if (row.Length != _columnCount)
        {
            throw new InvalidOperationException($"A feature vector has {row.Length} elements; the column declares {_columnCount}.");
        }

        ReadOnlySpan<float> values = row.GetValues();
        if (row.IsDense && _rowStarts is null)
        {
            // The dense buffer is sized for every row only once the first row shows the data is dense.
            _values ??= new ArrayBuilder<float>(_rowCapacity * _columnCount);
            _values.Add(values);
        }
        else
        {
            if (_rowStarts is null)
            {
                SwitchToSparse();
            }

            AddSparse(values, row.IsDense ? default : row.GetIndices(), row.IsDense);
        }

        RowCount++;
    }

    public FeatureMatrix Build() => _rowStarts is null
        ? FeatureMatrix.Dense(RowCount, _columnCount, _values?.ToArray() ?? [])
        : FeatureMatrix.Sparse(RowCount, _columnCount, _rowStarts.ToArray(), _indices!.ToArray(), _values!.ToArray());

    private void AddSparse(ReadOnlySpan<float> values, ReadOnlySpan<int> indices, bool dense)
    {
        for (int k = 0; k < values.Length; k++)
        {
            if (values[k] != 0)
            {
                _values!.Add(values[k]);
                _indices!.Add(dense ? k : indices[k]);
            }
        }

        _rowStarts!.Add(_values!.Count);
    }

    // Re-encodes the dense rows collected so far as CSR; later rows are appended as CSR directly.
    private void SwitchToSparse()
    {
        float[] dense = _values is null ? [] : _values.ToArray();
        _values = new ArrayBuilder<float>(Math.Max(dense.Length / 4, 16));
        _indices = new ArrayBuilder<int>(Math.Max(dense.Length / 4, 16));
        _rowStarts = new ArrayBuilder<int>(_rowCapacity + 1);
        _rowStarts.Add(0);
        for (int r = 0; r < RowCount; r++)
        {
            AddSparse(dense.AsSpan(r * _columnCount, _columnCount), default, dense: true);
        }
    }
}
