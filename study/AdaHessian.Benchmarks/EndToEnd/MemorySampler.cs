namespace AdaHessian.Benchmarks.EndToEnd;

/// <summary>
/// Peak growth of the managed heap while an action runs: GC.GetTotalMemory(false) sampled every millisecond on a
/// background thread, minus its value after a full collection just before the action. Also reports the bytes the
/// action allocated (GC.GetTotalAllocatedBytes delta).
/// </summary>
internal static class MemorySampler
{
    public static (T Result, long PeakHeapGrowth, long Allocated) Measure<T>(Func<T> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long baseline = GC.GetTotalMemory(false);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = baseline;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.Wait(1))
            {
                long now = GC.GetTotalMemory(false);
                if (now > Volatile.Read(ref peak))
                {
                    Volatile.Write(ref peak, now);
                }
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        sampler.Start();
        T result = action();
        long end = GC.GetTotalMemory(false);
        done.Set();
        sampler.Join();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (result, Math.Max(Math.Max(peak, end) - baseline, 0), allocated);
    }
}
