using AdaHessian.Data;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// Fills compressed-sparse-row arrays allocated at their final length, from a row and non-zero count taken by an
/// earlier pass over the same data. Growing buffers instead would need a final exact-length copy for
/// <see cref="FeatureMatrix.Sparse"/>, and the buffers and the copy together peak at about twice the matrix.
/// </summary>
/// <remarks>
/// Only non-zero values are stored, from dense rows as well as sparse ones, so a mix of dense and sparse rows gives
/// the same matrix whatever order they come in. Rows must already have the declared length.
/// </remarks>
internal sealed class PresizedCsrBuilder
{
    private readonly int _columnCount;
    private readonly int[] _rowStarts;
    private readonly int[] _indices;
    private readonly float[] _values;
    private int _rowCount;
    private int _valueCount;

    /// <param name="columnCount">The vector size of every row.</param>
    /// <param name="rowCount">The exact number of rows that will be added.</param>
    /// <param name="nonZeroCount">The exact number of non-zero values in those rows.</param>
    public PresizedCsrBuilder(int columnCount, int rowCount, int nonZeroCount)
    {
        _columnCount = columnCount;
        _rowStarts = new int[rowCount + 1];
        _indices = new int[nonZeroCount];
        _values = new float[nonZeroCount];
    }

    /// <summary>True once exactly the announced rows and non-zeros have been added.</summary>
    public bool IsComplete => _rowCount == _rowStarts.Length - 1 && _valueCount == _values.Length;

    /// <summary>How many values of a row the builder stores: its non-zeros.</summary>
    public static int CountNonZeros(ReadOnlySpan<float> values)
    {
        int count = 0;
        foreach (float v in values)
        {
            if (v != 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Appends a row, or returns false, with the row not added, when it would exceed the announced counts.
    /// </summary>
    public bool TryAdd(in VBuffer<float> row)
    {
        if (_rowCount == _rowStarts.Length - 1)
        {
            return false;
        }

        ReadOnlySpan<float> values = row.GetValues();
        ReadOnlySpan<int> indices = row.IsDense ? default : row.GetIndices();
        int start = _valueCount;
        for (int k = 0; k < values.Length; k++)
        {
            if (values[k] != 0)
            {
                if (_valueCount == _values.Length)
                {
                    _valueCount = start;
                    return false;
                }

                _values[_valueCount] = values[k];
                _indices[_valueCount] = row.IsDense ? k : indices[k];
                _valueCount++;
            }
        }

        _rowStarts[++_rowCount] = _valueCount;
        return true;
    }

    /// <summary>The matrix over the filled arrays (not copied).</summary>
    /// <exception cref="InvalidOperationException">Fewer rows or non-zeros were added than announced.</exception>
    public FeatureMatrix Build() => IsComplete
        ? FeatureMatrix.Sparse(_rowCount, _columnCount, _rowStarts, _indices, _values)
        : throw new InvalidOperationException(
            $"{_rowCount} rows with {_valueCount} non-zeros were added; {_rowStarts.Length - 1} with {_values.Length} were announced.");
}
