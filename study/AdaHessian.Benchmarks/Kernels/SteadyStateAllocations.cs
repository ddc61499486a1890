namespace AdaHessian.Benchmarks.Kernels;

/// <summary>Bytes one training step allocates once warm: on the calling thread, and in the whole process.</summary>
/// <param name="Layout">Dense or sparse rows.</param>
/// <param name="Batch">"Full" or "256".</param>
/// <param name="Name">"Adam step" or "AdaHessian step".</param>
/// <param name="Calls">Steps measured (after as many warm-up steps).</param>
/// <param name="CallerBytesPerCall">GC.GetAllocatedBytesForCurrentThread per step.</param>
/// <param name="ProcessBytesPerCall">GC.GetTotalAllocatedBytes(precise) per step: every thread, helpers included.</param>
internal sealed record AllocationRow(Layout Layout, string Batch, string Name, int Calls, double CallerBytesPerCall,
    double ProcessBytesPerCall);

/// <summary>
/// Runs each step case of <see cref="KernelBenchmarks"/> until it is warm (tier-1 code, buffers sized, thread-pool
/// helpers started), then counts the bytes allocated over further calls. BenchmarkDotNet's MemoryDiagnoser counts
/// the whole process over its measurement window, which for a 30 ms full-batch step holds only a few hundred calls
/// and so also the runtime's own late allocations (tier-up, thread injection); this check waits those out.
/// </summary>
internal static class SteadyStateAllocations
{
    public static List<AllocationRow> Measure()
    {
        var rows = new List<AllocationRow>();
        foreach (Layout layout in Enum.GetValues<Layout>())
        {
            foreach (string batch in new[] { "Full", "256" })
            {
                var bench = new KernelBenchmarks { Layout = layout, Batch = batch };
                bench.Setup();
                int calls = batch == "Full" ? 100 : 5_000;
                rows.Add(Count(layout, batch, "Adam step", calls, bench.AdamStep));
                rows.Add(Count(layout, batch, "AdaHessian step", calls, bench.AdaHessianStep));
            }
        }

        return rows;
    }

    private static AllocationRow Count(Layout layout, string batch, string name, int calls, Action step)
    {
        for (int i = 0; i < calls; i++)
        {
            step();
        }

        long process = GC.GetTotalAllocatedBytes(precise: true);
        long caller = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            step();
        }

        double callerBytes = (GC.GetAllocatedBytesForCurrentThread() - caller) / (double)calls;
        double processBytes = (GC.GetTotalAllocatedBytes(precise: true) - process) / (double)calls;
        return new AllocationRow(layout, batch, name, calls, callerBytes, processBytes);
    }
}
