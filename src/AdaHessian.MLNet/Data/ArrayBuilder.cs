namespace AdaHessian.MLNet.Data;

/// <summary>The length limit shared by the builders of the reader.</summary>
internal static class ArrayBuilder
{
    /// <exception cref="InvalidOperationException"><paramref name="length"/> is more than one array can hold.</exception>
    public static void ThrowIfTooLong(long length)
    {
        if (length > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"The training data needs more than {Array.MaxLength} stored values, more than one array can hold.");
        }
    }
}

/// <summary>
/// A growable array that hands over its buffer without a copy when the final length equals the capacity (the usual
/// case once the row count is known up front). The reader uses it for dense rows; sparse rows go through
/// <see cref="PresizedCsrBuilder"/> instead, since their length is never known up front.
/// </summary>
/// <remarks>
/// Past the initial capacity it grows by appending blocks (at most <see cref="MaxBlockLength"/> elements each) instead
/// of doubling one buffer: doubling holds the old and the new buffer at once and leaves up to half of the last one
/// unused, so with the exact-length copy at the end a large sparse input peaked at over 4× its size. With blocks the
/// items are copied once, in <see cref="ToArray"/>, and the spare room is at most one block; the blocks and the copy
/// still coexist until the garbage collector reclaims the blocks.
/// </remarks>
internal sealed class ArrayBuilder<T>(long capacity)
{
    private const int MinBlockLength = 16;
    private const int MaxBlockLength = 1 << 20;

    private readonly List<T[]> _fullBlocks = [];
    private T[] _block = new T[Math.Clamp(capacity, 0, Array.MaxLength)];
    private int _blockCount;

    public int Count { get; private set; }

    public void Add(T item)
    {
        Reserve(1);
        if (_blockCount == _block.Length)
        {
            StartBlock();
        }

        _block[_blockCount++] = item;
        Count++;
    }

    public void Add(ReadOnlySpan<T> items)
    {
        Reserve(items.Length);
        while (!items.IsEmpty)
        {
            if (_blockCount == _block.Length)
            {
                StartBlock();
            }

            int n = Math.Min(items.Length, _block.Length - _blockCount);
            items[..n].CopyTo(_block.AsSpan(_blockCount));
            _blockCount += n;
            Count += n;
            items = items[n..];
        }
    }

    /// <summary>
    /// The items as one exact-length array. The builder keeps only that array afterwards, so the blocks can be
    /// collected before the next builder is copied, and a second call returns the same array.
    /// </summary>
    public T[] ToArray()
    {
        if (_fullBlocks.Count == 0 && _blockCount == _block.Length)
        {
            return _block;
        }

        var result = new T[Count];
        int offset = 0;
        foreach (T[] full in _fullBlocks)
        {
            full.CopyTo(result, offset);
            offset += full.Length;
        }

        _block.AsSpan(0, _blockCount).CopyTo(result.AsSpan(offset));
        _fullBlocks.Clear();
        _block = result;
        _blockCount = result.Length;
        return result;
    }

    private void Reserve(int extra) => ArrayBuilder.ThrowIfTooLong((long)Count + extra);

    // Blocks grow with the content up to MaxBlockLength, so small inputs get small blocks and large ones few blocks.
    private void StartBlock()
    {
        if (_block.Length > 0)
        {
            _fullBlocks.Add(_block);
        }

        _block = new T[Math.Clamp(Count, MinBlockLength, MaxBlockLength)];
        _blockCount = 0;
    }
}
