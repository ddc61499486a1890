namespace AdaHessian.MLNet.Data;

/// <summary>The length limit shared by the builders of the reader.</summary>
internal static class ArrayBuilder
{
    /// <param name="length">The length the array would need.</param>
    /// <param name="column">The column whose values the array would hold.</param>
    /// <exception cref="InvalidOperationException"><paramref name="length"/> is more than one array can hold.</exception>
    public static void ThrowIfTooLong(long length, string column)
    {
        if (length > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"The training data needs {length} stored values of the column '{column}' in one array, more than " +
                $"the {Array.MaxLength} one array can hold.");
        }
    }
}

/// <summary>
/// A growable sequence in blocks, read back either as one exact-length array (<see cref="ToArray"/>) or front to
/// back, block by block (<see cref="Take(Span{T})"/>), releasing each block once it has been read. Hands over its
/// buffer without a copy when the final length equals the initial capacity (the usual case for labels once the row
/// count is known up front).
/// </summary>
/// <remarks>
/// Past the initial capacity it grows by appending blocks (at most <see cref="MaxBlockLength"/> elements each) instead
/// of doubling one buffer: doubling holds the old and the new buffer at once and leaves up to half of the last one
/// unused. With blocks the items are copied once, into their final array, and the spare room is at most one block.
/// Blocks grow with the content (16, 16, 32, … up to <see cref="MaxBlockLength"/>), so small inputs get small blocks.
/// The count is a <see cref="long"/>: only <see cref="ToArray"/> is bound by the length of one array.
/// </remarks>
internal sealed class ArrayBuilder<T>(long capacity)
{
    /// <summary>The length of the largest block, 1 Mi elements.</summary>
    public const int MaxBlockLength = 1 << 20;

    private const int MinBlockLength = 16;

    private readonly List<T[]?> _fullBlocks = [];
    private T[] _block = new T[Math.Clamp(capacity, 0, Array.MaxLength)];
    private int _blockCount;

    // Where Take reads next: a full block (index < _fullBlocks.Count) or the current one, and the offset in it.
    private int _readBlock;
    private int _readOffset;
    private long _readCount;

    /// <summary>Items added so far.</summary>
    public long Count { get; private set; }

    public void Add(T item)
    {
        if (_blockCount == _block.Length)
        {
            StartBlock();
        }

        _block[_blockCount++] = item;
        Count++;
    }

    public void Add(ReadOnlySpan<T> items)
    {
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
    /// <exception cref="InvalidOperationException">Items were taken already, or there are more than one array holds.</exception>
    public T[] ToArray()
    {
        if (_readCount > 0)
        {
            throw new InvalidOperationException("Items were taken from the builder.");
        }

        if (_fullBlocks.Count == 0 && _blockCount == _block.Length)
        {
            return _block;
        }

        if (Count > Array.MaxLength)
        {
            throw new InvalidOperationException($"{Count} items are more than one array holds.");
        }

        var result = GC.AllocateUninitializedArray<T>((int)Count);
        int offset = 0;
        foreach (T[]? full in _fullBlocks)
        {
            full!.CopyTo(result, offset);
            offset += full.Length;
        }

        _block.AsSpan(0, _blockCount).CopyTo(result.AsSpan(offset));
        _fullBlocks.Clear();
        _block = result;
        _blockCount = result.Length;
        return result;
    }

    /// <summary>Copies the next <c>destination.Length</c> items, front to back, into <paramref name="destination"/>.</summary>
    /// <exception cref="InvalidOperationException">Fewer items are left.</exception>
    public void Take(Span<T> destination)
    {
        ThrowIfFewerLeft(destination.Length);
        while (!destination.IsEmpty)
        {
            ReadOnlySpan<T> next = NextRun(destination.Length);
            next.CopyTo(destination);
            destination = destination[next.Length..];
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> items, front to back: a view of a block when they lie in one, otherwise a
    /// copy in <paramref name="scratch"/>, which is grown to <paramref name="count"/> when shorter. The view is valid
    /// until the next call that passes the same <paramref name="scratch"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Fewer items are left.</exception>
    public ReadOnlySpan<T> Take(int count, ref T[]? scratch)
    {
        ThrowIfFewerLeft(count);
        ReadOnlySpan<T> first = NextRun(count);
        if (first.Length == count)
        {
            return first;
        }

        if (scratch is null || scratch.Length < count)
        {
            scratch = new T[count];
        }

        first.CopyTo(scratch);
        Take(scratch.AsSpan(first.Length, count - first.Length));
        return scratch.AsSpan(0, count);
    }

    /// <summary>The next item.</summary>
    /// <exception cref="InvalidOperationException">No item is left.</exception>
    public T Take()
    {
        ThrowIfFewerLeft(1);
        return NextRun(1)[0];
    }

    // Up to count items from the block being read, moving to the next block (and dropping the finished one) at its end.
    private ReadOnlySpan<T> NextRun(int count)
    {
        bool inFullBlock = _readBlock < _fullBlocks.Count;
        T[] block = inFullBlock ? _fullBlocks[_readBlock]! : _block;
        int end = inFullBlock ? block.Length : _blockCount;
        int n = Math.Min(count, end - _readOffset);
        var run = new ReadOnlySpan<T>(block, _readOffset, n);
        _readOffset += n;
        _readCount += n;
        if (_readOffset == end)
        {
            if (inFullBlock)
            {
                _fullBlocks[_readBlock++] = null;
                _readOffset = 0;
            }
            else if (_readCount == Count)
            {
                _block = [];
                _blockCount = 0;
                _readOffset = 0;
            }
        }

        return run;
    }

    private void ThrowIfFewerLeft(int count)
    {
        if (count > Count - _readCount)
        {
            throw new InvalidOperationException($"{count} items were asked for; {Count - _readCount} are left.");
        }
    }

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
