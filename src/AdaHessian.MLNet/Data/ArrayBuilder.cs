namespace AdaHessian.MLNet.Data;

/// <summary>
/// A growable array that hands over its buffer without a copy when the final length equals the capacity (the usual
/// case once the row count is known up front).
/// </summary>
internal sealed class ArrayBuilder<T>(long capacity)
{
    private T[] _items = new T[Math.Clamp(capacity, 0, Array.MaxLength)];

    public int Count { get; private set; }

    public Span<T> Items => _items.AsSpan(0, Count);

    public void Add(T item)
    {
        Reserve(1);
        _items[Count++] = item;
    }

    public void Add(ReadOnlySpan<T> items)
    {
        Reserve(items.Length);
        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    public T[] ToArray() => Count == _items.Length ? _items : _items.AsSpan(0, Count).ToArray();

    private void Reserve(int extra)
    {
        long needed = (long)Count + extra;
        if (needed <= _items.Length)
        {
            return;
        }

        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"The training data needs more than {Array.MaxLength} stored values, more than one array can hold.");
        }

        Array.Resize(ref _items, (int)Math.Clamp(Math.Max(needed, 2L * _items.Length), 4, Array.MaxLength));
    }
}
