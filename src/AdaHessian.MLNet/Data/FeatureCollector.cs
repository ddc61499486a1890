using System.Numerics;
using AdaHessian.Data;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// Collects feature rows in one pass, before it is known whether they will form a dense or a CSR matrix, and builds
/// that matrix at the end: dense (every value, as given) when every row arrived dense, otherwise compressed sparse rows
/// holding the non-zero values (<c>v != 0</c>, so stored zeros and negative zeros are dropped) of every row, dense
/// rows as well as sparse ones, so a mix gives the same matrix whatever order the rows come in.
/// </summary>
/// <remarks>
/// <para>
/// Each row is stored in the smaller of two forms that can give either matrix: a dense row as it is when at least half
/// of the values it must keep are non-zero, otherwise only those values and their columns. Until a sparse row arrives
/// a dense row must keep its negative zeros (a dense matrix holds their bits); after that only its non-zeros. A row
/// therefore never takes more room than in the final matrix (it takes <c>min(width, 2 × kept)</c> four-byte slots, where
/// a dense matrix gives it <c>width</c> and a CSR one <c>2 × non-zeros</c>), and nothing is sized from the declared
/// width and the row count.
/// </para>
/// <para>
/// Memory: while collecting, the stored rows take at most the final matrix, plus the negative zeros of dense rows read
/// before the first sparse one, plus 4 bytes a row, plus one part-filled block per buffer (at most
/// <see cref="ArrayBuilder{T}.MaxBlockLength"/> values and as many indices, 8 MiB), plus a buffer for the kept values of
/// one row stored in its sparse form (values and columns, at most the width). <see cref="Build"/> then allocates
/// the exact final arrays and copies the blocks into them, dropping each block once copied, so the peak is the final
/// arrays plus the stored rows, at most about twice the matrix, until the garbage collector reclaims the blocks.
/// </para>
/// <para>
/// Dense data of a known, affordable size is read without that copy: given room for the dense matrix
/// (<c>presizedValues</c>), once the first <see cref="PresizeAfterRows"/> rows have all arrived dense the collector
/// moves them into one array of that length and stores every further dense row in it as it is, until a sparse row
/// arrives; when none did and every expected row came, that array is the matrix. Waiting for those rows keeps the
/// reservation from wide sparse data whose first row happens to be dense.
/// </para>
/// </remarks>
internal sealed class FeatureCollector
{
    // The stored count of a row kept in its dense form.
    private const int StoredDense = -1;

    /// <summary>Rows that must all arrive dense before the room for a dense matrix is taken.</summary>
    public const int PresizeAfterRows = 1024;

    private readonly string _column;
    private readonly int _columnCount;
    private readonly long _expectedRows;
    private readonly long _presizedValues;
    private ArrayBuilder<float> _values = new(0);
    private ArrayBuilder<int> _indices = new(0);
    private ArrayBuilder<int> _storedCounts;
    private float[] _rowValues = [];
    private int[] _rowIndices = [];
    private bool _presized;
    private bool _everyRowStoredDense = true;
    private bool _built;

    /// <param name="column">The name of the feature column, for errors.</param>
    /// <param name="columnCount">The vector size of every row.</param>
    /// <param name="expectedRows">How many rows to reserve room for (4 bytes each), 0 when unknown.</param>
    /// <param name="presizedValues">
    /// Room for a dense matrix of the expected rows (their count × <paramref name="columnCount"/>), taken once the
    /// first rows have all arrived dense; 0 never to take it.
    /// </param>
    public FeatureCollector(string column, int columnCount, long expectedRows, long presizedValues = 0)
    {
        _column = column;
        _columnCount = columnCount;
        _expectedRows = expectedRows;
        _presizedValues = presizedValues;
        _storedCounts = new ArrayBuilder<int>(expectedRows);
    }

    /// <summary>Rows added.</summary>
    public int RowCount { get; private set; }

    /// <summary>True once a sparse row has been added: <see cref="Build"/> then gives a CSR matrix.</summary>
    public bool IsSparse { get; private set; }

    /// <summary>The values a CSR matrix of the rows added so far holds: their non-zeros.</summary>
    public long NonZeroCount { get; private set; }

    /// <summary>Bytes the rows added so far take in the collector (values, columns and a count per row).</summary>
    public long StoredBytes { get; private set; }

    /// <summary>Appends a row of the declared length.</summary>
    /// <exception cref="InvalidOperationException">
    /// The rows no longer fit one array in either layout, or <see cref="Build"/> was called.
    /// </exception>
    public void Add(in VBuffer<float> row)
    {
        if (_built)
        {
            throw new InvalidOperationException("The matrix was built already.");
        }

        ReadOnlySpan<float> values = row.GetValues();
        (int nonZeros, int negativeZeros) = Count(values);

        // CSR needs one row start more than rows; and a matrix with more non-zeros than one array holds has more
        // values than one array holds when dense too.
        ArrayBuilder.ThrowIfTooLong(RowCount + 2L, _column);
        ArrayBuilder.ThrowIfTooLong(NonZeroCount + nonZeros, _column);
        IsSparse |= !row.IsDense;
        if (!IsSparse && !_presized && _presizedValues > 0 && RowCount == PresizeAfterRows)
        {
            Presize();
        }

        bool keepNegativeZeros = !IsSparse;
        int kept = keepNegativeZeros ? nonZeros + negativeZeros : nonZeros;
        if (row.IsDense && (2L * kept >= values.Length || (_presized && !IsSparse)))
        {
            _values.Add(values);
            _storedCounts.Add(StoredDense);
            StoredBytes += sizeof(float) * (values.Length + 1L);
        }
        else
        {
            Store(values, row.IsDense ? default : row.GetIndices(), kept, keepNegativeZeros);
            _storedCounts.Add(kept);
            _everyRowStoredDense = false;
            StoredBytes += sizeof(float) * (2L * kept + 1);
        }

        NonZeroCount += nonZeros;
        RowCount++;
    }

    // Moves the rows so far, every one dense, into room for the dense matrix, each as it arrived (a row stored as its
    // non-zero bits is spread back over zeros: its dropped values were +0), so that the next dense rows go there too.
    private void Presize()
    {
        var values = new ArrayBuilder<float>(_presizedValues);
        var storedCounts = new ArrayBuilder<int>(_expectedRows);
        var row = new float[_columnCount];
        float[]? valueScratch = null;
        int[]? indexScratch = null;
        for (int i = 0; i < RowCount; i++)
        {
            int stored = _storedCounts.Take();
            if (stored == StoredDense)
            {
                _values.Take(row);
            }
            else
            {
                Array.Clear(row);
                ReadOnlySpan<float> kept = _values.Take(stored, ref valueScratch);
                ReadOnlySpan<int> columns = _indices.Take(stored, ref indexScratch);
                for (int k = 0; k < kept.Length; k++)
                {
                    row[columns[k]] = kept[k];
                }
            }

            values.Add(row);
            storedCounts.Add(StoredDense);
        }

        (_values, _storedCounts, _indices) = (values, storedCounts, new ArrayBuilder<int>(0));
        StoredBytes = sizeof(float) * (_columnCount + 1L) * RowCount;
        _everyRowStoredDense = true;
        _presized = true;
    }

    // The non-zero values of a row and, with keepNegativeZeros, its negative zeros too: how many, and the negative
    // zeros among the zeros (float equality cannot tell them apart, their bits can).
    private static (int NonZeros, int NegativeZeros) Count(ReadOnlySpan<float> values)
    {
        int zeros = 0, negativeZeros = 0, k = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            Vector<int> zeroCounts = Vector<int>.Zero, negativeZeroCounts = Vector<int>.Zero;
            var negativeZero = new Vector<int>(int.MinValue);
            for (; k <= values.Length - Vector<float>.Count; k += Vector<float>.Count)
            {
                var v = new Vector<float>(values[k..]);
                zeroCounts -= Vector.Equals(v, Vector<float>.Zero);
                negativeZeroCounts -= Vector.Equals(Vector.AsVectorInt32(v), negativeZero);
            }

            zeros = Vector.Sum(zeroCounts);
            negativeZeros = Vector.Sum(negativeZeroCounts);
        }

        for (; k < values.Length; k++)
        {
            zeros += values[k] == 0 ? 1 : 0;
            negativeZeros += BitConverter.SingleToInt32Bits(values[k]) == int.MinValue ? 1 : 0;
        }

        return (values.Length - zeros, negativeZeros);
    }

    // Appends the kept values of a row (of a dense row when indices is empty) and their columns. The loop writes
    // every value and moves on only past a kept one, without a branch: zeros come in no predictable order.
    private void Store(ReadOnlySpan<float> values, ReadOnlySpan<int> indices, int kept, bool keepNegativeZeros)
    {
        if (_rowValues.Length <= kept)
        {
            int length = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)kept + 1), (uint)Array.MaxLength);
            _rowValues = new float[length];
            _rowIndices = new int[length];
        }

        // A value is kept when its bits are not those of +0 (with negative zeros) or when it is not ±0 (without);
        // `(uint)(x | -x) >> 31` is 1 exactly when x != 0. The write index never passes kept, so the buffers suffice.
        int mask = keepNegativeZeros ? -1 : int.MaxValue;
        int n = 0;
        bool dense = indices.IsEmpty;
        for (int k = 0; k < values.Length; k++)
        {
            int bits = BitConverter.SingleToInt32Bits(values[k]) & mask;
            _rowValues[n] = values[k];
            _rowIndices[n] = dense ? k : indices[k];
            n += (int)((uint)(bits | -bits) >> 31);
        }

        _values.Add(_rowValues.AsSpan(0, n));
        _indices.Add(_rowIndices.AsSpan(0, n));
    }

    /// <summary>The matrix of the rows added, in exact-length arrays; the collector keeps nothing of them.</summary>
    /// <exception cref="InvalidOperationException">
    /// The matrix needs more values than one array holds, or it was built already.
    /// </exception>
    public FeatureMatrix Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("The matrix was built already.");
        }

        _built = true;
        return IsSparse ? BuildSparse() : BuildDense();
    }

    private FeatureMatrix BuildDense()
    {
        long length = (long)RowCount * _columnCount;
        ArrayBuilder.ThrowIfTooLong(length, _column);
        if (_everyRowStoredDense)
        {
            // The values are the matrix, row after row: handed over without a copy when they filled the room taken.
            return FeatureMatrix.Dense(RowCount, _columnCount, _values.ToArray());
        }

        var matrix = new float[length];
        float[]? valueScratch = null;
        int[]? indexScratch = null;
        for (int i = 0; i < RowCount; i++)
        {
            Span<float> row = matrix.AsSpan(i * _columnCount, _columnCount);
            int stored = _storedCounts.Take();
            if (stored == StoredDense)
            {
                _values.Take(row);
                continue;
            }

            ReadOnlySpan<float> values = _values.Take(stored, ref valueScratch);
            ReadOnlySpan<int> indices = _indices.Take(stored, ref indexScratch);
            for (int k = 0; k < values.Length; k++)
            {
                row[indices[k]] = values[k];
            }
        }

        return FeatureMatrix.Dense(RowCount, _columnCount, matrix);
    }

    private FeatureMatrix BuildSparse()
    {
        // Add checked both lengths against the array limit.
        var rowStarts = GC.AllocateUninitializedArray<int>(RowCount + 1);
        var indices = GC.AllocateUninitializedArray<int>((int)NonZeroCount);
        var values = GC.AllocateUninitializedArray<float>((int)NonZeroCount);
        float[]? valueScratch = null;
        int[]? indexScratch = null;
        int n = 0;
        rowStarts[0] = 0;
        for (int i = 0; i < RowCount; i++)
        {
            int stored = _storedCounts.Take();
            ReadOnlySpan<float> rowValues = _values.Take(stored == StoredDense ? _columnCount : stored, ref valueScratch);
            ReadOnlySpan<int> rowIndices = stored == StoredDense ? default : _indices.Take(stored, ref indexScratch);
            for (int k = 0; k < rowValues.Length; k++)
            {
                if (rowValues[k] != 0)
                {
                    values[n] = rowValues[k];
                    indices[n] = stored == StoredDense ? k : rowIndices[k];
                    n++;
                }
            }

            rowStarts[i + 1] = n;
        }

        return FeatureMatrix.Sparse(RowCount, _columnCount, rowStarts, indices, values);
    }
}
