namespace AdaHessian.MLNet.Data;

/// <summary>
/// How much memory training rows may take in memory before <see cref="DataLoading.Automatic"/> streams them: a quarter
/// of what the process may use, since reading briefly holds the rows twice and the training passes need room too.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>Bytes the process may use: the garbage collector's limit (physical memory, a container's, or a heap hard limit).</summary>
    public static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Bytes of rows the in-memory read may collect: a quarter of <see cref="Available"/>.</summary>
    public static long InMemoryLimit => Available / 4;
}
