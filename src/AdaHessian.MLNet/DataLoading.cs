namespace AdaHessian.MLNet;

/// <summary>How the binary trainers get their training rows from the <c>IDataView</c>.</summary>
public enum DataLoading
{
    /// <summary>
    /// Into memory, unless the rows outgrow a quarter of the memory available to the process (the garbage collector's
    /// <c>TotalAvailableMemoryBytes</c>, which a container's limit or <c>DOTNET_GCHeapHardLimit</c> lowers); then the
    /// read stops and the rows are streamed instead. The log says which, and why.
    /// </summary>
    Automatic,

    /// <summary>Into memory, one pass over one cursor, however large the data.</summary>
    InMemory,

    /// <summary>
    /// Streamed: read a block of <c>StreamingBufferMegabytes</c> at a time from a new cursor every epoch, the next block
    /// read while the current one trains. The batch size and step budget come from the full data; the L2 strength, η
    /// and every epoch's objective (the tolerance, the divergence check, the observer) from a seeded uniform sample of
    /// the rows kept in memory. Rows are shuffled within each block, and the blocks come in the data's order (or in a
    /// shuffled order when the data view can shuffle, as ML.NET's binary format can), so a streamed run differs from
    /// an in-memory one, which shuffles all rows; the same seed and data give the same model.
    /// </summary>
    Streaming,
}
