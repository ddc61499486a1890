namespace AdaHessian.Data;

/// <summary>
/// An immutable matrix of float features, one row per example, stored densely (row-major) or sparsely (CSR).
/// Features stay in float because that is what ML.NET hands over and what the data pass reads from memory.
/// </summary>
public sealed class FeatureMatrix
{
    private readonly float[] _values;
    private readonly int[]? _columnIndices;
    private readonly int[]? _rowStarts;

    private FeatureMatrix(int rowCount, int columnCount, float[] values, int[]? columnIndices, int[]? rowStarts)
    {
        RowCount = rowCount;
        ColumnCount = columnCount;
        _values = values;
        _columnIndices = columnIndices;
        _rowStarts = rowStarts;
    }

    /// <summary>Number of rows (examples).</summary>
    public int RowCount { get; }

    /// <summary>Number of columns (features).</summary>
    public int ColumnCount { get; }

    /// <summary>True when rows are stored in compressed sparse row form.</summary>
    public bool IsSparse => _rowStarts is not null;

    /// <summary>Number of stored values (rows × columns when dense).</summary>
    public long StoredValueCount => _values.LongLength;

    /// <summary>Bytes of feature data a full pass reads (values, plus column indices when sparse).</summary>
    public long DataBytes => _values.LongLength * sizeof(float) + (_columnIndices?.LongLength ?? 0) * sizeof(int);

    /// <summary>Wraps a row-major dense array (not copied).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the length is not rows × columns.</exception>
    public static FeatureMatrix Dense(int rowCount, int columnCount, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        if (values.LongLength != (long)rowCount * columnCount)
        {
            throw new ArgumentOutOfRangeException(nameof(values),
                $"Expected {rowCount} × {columnCount} = {(long)rowCount * columnCount} values, got {values.LongLength}.");
        }

        return new FeatureMatrix(rowCount, columnCount, values, null, null);
    }

    /// <summary>Wraps compressed-sparse-row arrays (not copied).</summary>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="columnCount">Number of columns.</param>
    /// <param name="rowStarts">rowCount + 1 offsets into <paramref name="values"/>, starting at 0, non-decreasing.</param>
    /// <param name="columnIndices">Column of each value, strictly increasing within a row, in [0, columnCount).</param>
    /// <param name="values">The stored values.</param>
    /// <exception cref="ArgumentOutOfRangeException">The arrays do not describe a valid CSR matrix.</exception>
    public static FeatureMatrix Sparse(int rowCount, int columnCount, int[] rowStarts, int[] columnIndices, float[] values)
    {
        ArgumentNullException.ThrowIfNull(rowStarts);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        if (rowStarts.Length != rowCount + 1 || rowStarts[0] != 0 || rowStarts[rowCount] != values.LongLength)
        {
            throw new ArgumentOutOfRangeException(nameof(rowStarts),
                "Must have rowCount + 1 entries, start at 0 and end at the number of values.");
        }

        if (columnIndices.LongLength != values.LongLength)
        {
            throw new ArgumentOutOfRangeException(nameof(columnIndices), "Must have one column index per value.");
        }

        for (int row = 0; row < rowCount; row++)
        {
            int start = rowStarts[row], end = rowStarts[row + 1];
            if (end < start || end > values.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(rowStarts),
                    $"Row {row} ends before it starts or past the last value.");
            }

            for (int k = start; k < end; k++)
            {
                int column = columnIndices[k];
                if (column < 0 || column >= columnCount || (k > start && column <= columnIndices[k - 1]))
                {
                    throw new ArgumentOutOfRangeException(nameof(columnIndices),
                        $"Row {row}: column indices must be strictly increasing and in [0, {columnCount}).");
                }
            }
        }

        return new FeatureMatrix(rowCount, columnCount, values, columnIndices, rowStarts);
    }

    /// <summary>The stored values and (when sparse) column indices of one row.</summary>
    public FeatureRow Row(int row)
    {
        if ((uint)row >= (uint)RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"Must be in [0, {RowCount}).");
        }

        if (_rowStarts is null)
        {
            return new FeatureRow(_values.AsSpan(row * ColumnCount, ColumnCount), default);
        }

        int start = _rowStarts[row];
        int length = _rowStarts[row + 1] - start;
        return new FeatureRow(_values.AsSpan(start, length), _columnIndices.AsSpan(start, length));
    }

    /// <summary>A new matrix of the given rows, in the given order, stored as this one is (the values are copied).</summary>
    internal FeatureMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        if (_rowStarts is null)
        {
            var dense = new float[(long)rows.Length * ColumnCount];
            for (int r = 0; r < rows.Length; r++)
            {
                Row(rows[r]).Values.CopyTo(dense.AsSpan(r * ColumnCount, ColumnCount));
            }

            return Dense(rows.Length, ColumnCount, dense);
        }

        var starts = new int[rows.Length + 1];
        for (int r = 0; r < rows.Length; r++)
        {
            starts[r + 1] = starts[r] + Row(rows[r]).Values.Length;
        }

        var values = new float[starts[^1]];
        var indices = new int[starts[^1]];
        for (int r = 0; r < rows.Length; r++)
        {
            FeatureRow row = Row(rows[r]);
            row.Values.CopyTo(values.AsSpan(starts[r]));
            row.Indices.CopyTo(indices.AsSpan(starts[r]));
        }

        return new FeatureMatrix(rows.Length, ColumnCount, values, indices, starts);
    }

    /// <summary>
    /// Number of stored values in the given rows (rows × columns when dense), counted only up to
    /// <paramref name="atMost"/>: callers that need to know whether a batch is large stop paying once it is.
    /// </summary>
    internal long StoredValueCountOf(ReadOnlySpan<int> rows, long atMost = long.MaxValue)
    {
        if (_rowStarts is null)
        {
            return Math.Min((long)rows.Length * ColumnCount, atMost);
        }

        long count = 0;
        foreach (int row in rows)
        {
            if ((uint)row >= (uint)RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"Row {row} is not in [0, {RowCount}).");
            }

            count += _rowStarts[row + 1] - _rowStarts[row];
            if (count >= atMost)
            {
                return atMost;
            }
        }

        return count;
    }

    /// <summary>The first value of a row of a dense matrix with at least one column, for kernels that walk rows by reference.</summary>
    internal ref float DenseRowStart(int row)
    {
        if ((uint)row >= (uint)RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"Must be in [0, {RowCount}).");
        }

        return ref _values[(long)row * ColumnCount];
    }

    /// <summary>The stored values themselves (row-major for a dense matrix), for transforms that own the matrix.</summary>
    internal Span<float> StoredValues => _values;

    /// <summary>Row-major dense copy (for tests and small problems).</summary>
    public float[] ToDenseArray()
    {
        var dense = new float[(long)RowCount * ColumnCount];
        for (int row = 0; row < RowCount; row++)
        {
            FeatureRow r = Row(row);
            Span<float> target = dense.AsSpan(row * ColumnCount, ColumnCount);
            if (!IsSparse)
            {
                r.Values.CopyTo(target);
                continue;
            }

            for (int k = 0; k < r.Values.Length; k++)
            {
                target[r.Indices[k]] = r.Values[k];
            }
        }

        return dense;
    }
}
