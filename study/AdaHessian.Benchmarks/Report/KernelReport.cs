using AdaHessian.Benchmarks.Kernels;
using BenchmarkDotNet.Reports;

namespace AdaHessian.Benchmarks.Report;

/// <summary>One benchmark case: mean time, allocation, and its ratio to loss+gradient on the same layout and batch.</summary>
internal sealed record KernelRow(Layout Layout, string Batch, string Name, double MeanNs, double ErrorNs, long? AllocatedBytes,
    double Ratio, double FeatureGBps);

/// <summary>The kernel results of one BenchmarkDotNet run.</summary>
internal sealed record KernelReport(List<KernelRow> Rows, double BandwidthOneThreadGBps, double BandwidthAllCoresGBps)
{
    /// <summary>Allocation per step once warm (<see cref="SteadyStateAllocations"/>); empty when not measured.</summary>
    public List<AllocationRow> SteadyState { get; init; } = [];

    public static KernelReport From(Summary[] summaries)
    {
        double oneThread = double.NaN, allCores = double.NaN;
        var cases = new List<(Layout Layout, string Batch, string Name, double Mean, double Error, long? Allocated)>();
        foreach (Summary summary in summaries)
        {
            foreach (BenchmarkReport report in summary.Reports)
            {
                if (report.ResultStatistics is not { } stats)
                {
                    continue;
                }

                string name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
                long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                if (report.BenchmarkCase.Descriptor.Type == typeof(MemoryBandwidthBenchmark))
                {
                    double gbps = MemoryBandwidthBenchmark.Bytes / stats.Mean;
                    if (name.Contains("1 thread", StringComparison.Ordinal))
                    {
                        oneThread = gbps;
                    }
                    else
                    {
                        allCores = gbps;
                    }

                    continue;
                }

                var layout = (Layout)report.BenchmarkCase.Parameters["Layout"]!;
                string batch = (string)report.BenchmarkCase.Parameters["Batch"]!;
                cases.Add((layout, batch, name, stats.Mean, stats.StandardError, allocated));
            }
        }

        var rows = new List<KernelRow>();
        foreach (var c in cases)
        {
            double baseline = cases.First(b => b.Layout == c.Layout && b.Batch == c.Batch && b.Name == "loss+gradient").Mean;
            bool reads = !c.Name.EndsWith("update", StringComparison.Ordinal);
            double gbps = reads ? KernelBenchmarks.BatchFeatureBytes(c.Layout, c.Batch) / c.Mean : double.NaN;
            rows.Add(new KernelRow(c.Layout, c.Batch, c.Name, c.Mean, c.Error, c.Allocated, c.Mean / baseline, gbps));
        }

        return new KernelReport(rows, oneThread, allCores);
    }

    public KernelRow? Find(Layout layout, string batch, string name) =>
        Rows.FirstOrDefault(r => r.Layout == layout && r.Batch == batch && r.Name == name);
}
