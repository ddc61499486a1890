using System.Text;
using AdaHessian.Benchmarks.EndToEnd;
using AdaHessian.Benchmarks.Kernels;
using BenchmarkDotNet.Reports;
using static AdaHessian.Benchmarks.Report.PerformanceReport;

namespace AdaHessian.Benchmarks.Report;

/// <summary>One softmax step case: mean time and allocation.</summary>
internal sealed record SoftmaxStepRow(SoftmaxShape Shape, string Batch, string Name, double MeanNs, double ErrorNs, long? AllocatedBytes);

/// <summary>
/// The multiclass section of results/performance.md: the softmax AdaHessian step against the softmax Adam step on the
/// same batch, and the peak training memory of AdaHessianMaximumEntropy. It sits between two markers so that a run of
/// only these benchmarks (<c>--filter multiclass</c>) replaces it and leaves the rest of the report as it was.
/// </summary>
internal sealed record SoftmaxReport(List<SoftmaxStepRow> Steps, List<MemoryResult> Memory, MachineInfo Machine)
{
    /// <summary>The line that opens the section.</summary>
    public const string Begin = "<!-- multiclass-bench:begin (dotnet cake --target=Bench --bench-filter=multiclass replaces this section) -->";

    /// <summary>The line that closes the section.</summary>
    public const string End = "<!-- multiclass-bench:end -->";

    /// <summary>The step ratio target.</summary>
    public const double StepTarget = 1.3;

    /// <summary>The memory target, × the data as float.</summary>
    public const double MemoryTarget = 1.5;

    /// <summary>The softmax step cases of a BenchmarkDotNet run.</summary>
    public static List<SoftmaxStepRow> StepsFrom(IEnumerable<Summary> summaries) =>
    [
        .. from summary in summaries
           from report in summary.Reports
           where report.BenchmarkCase.Descriptor.Type == typeof(SoftmaxStepBenchmarks) && report.ResultStatistics is not null
           select new SoftmaxStepRow((SoftmaxShape)report.BenchmarkCase.Parameters["Shape"]!, (string)report.BenchmarkCase.Parameters["Batch"]!,
               report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), report.ResultStatistics!.Mean,
               report.ResultStatistics.StandardError, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)),
    ];

    /// <summary>The section, markers included.</summary>
    public string Render()
    {
        var md = new StringBuilder();
        Line(md, Begin);
        Line(md, "## Multiclass (softmax)");
        Line(md);
        var (dr, dc, dk) = SoftmaxStepBenchmarks.DenseShape;
        var (sr, sc, sp, sk) = SoftmaxStepBenchmarks.SparseShape;
        Line(md, $"Measured {Machine.Date} (load average before {Machine.LoadBefore}; after {Machine.LoadAfter}; {Machine.TotalSeconds / 60:F1} min). " +
            $"Steps on seeded synthetic data: Dense = {dr:N0} × {dc} ({dk} classes, Fashion-MNIST's shape), Sparse = {sr:N0} × {sc:N0} with {sp} non-zeros " +
            $"per row ({sk} classes); labels argmax of {dk} or {sk} random directions; L2 = 1; all cores. Full = every row, 256 = one shuffled mini-batch.");
        Line(md);
        Line(md, "| Target | Measured | Met |");
        Line(md, "|---|---|---|");
        foreach (SoftmaxShape shape in Enum.GetValues<SoftmaxShape>())
        {
            foreach (string batch in new[] { "Full", "256" })
            {
                SoftmaxStepRow? adam = Find(shape, batch, SoftmaxStepBenchmarks.AdamStep);
                foreach (string name in new[] { SoftmaxStepBenchmarks.AdaHessianStep, SoftmaxStepBenchmarks.HutchinsonStep })
                {
                    if (adam is null || Find(shape, batch, name) is not { } ada)
                    {
                        continue;
                    }

                    double r = ada.MeanNs / adam.MeanNs;
                    string target = name == SoftmaxStepBenchmarks.AdaHessianStep ? "target" : "(Hutchinson, no target)";
                    Line(md, $"| {Capitalised(name)} ≤ {StepTarget}× softmax Adam step ({shape}, batch {batch}) {target} | {r:F2}× ({Time(ada.MeanNs)} vs {Time(adam.MeanNs)}) | {(name == SoftmaxStepBenchmarks.AdaHessianStep ? Met(r <= StepTarget) : "—")} |");
                }
            }
        }

        foreach (MemoryResult m in Memory)
        {
            Line(md, $"| {m.Problem}: AdaHessianMaximumEntropy ({m.Setting}) peak training memory ≤ {MemoryTarget}× data as float | {m.Ratio:F2}× (+{Mb(m.PeakHeapGrowth)} over {Mb(m.DataBytes)}) | {Met(m.Ratio <= MemoryTarget)} |");
        }

        Line(md);
        Line(md, "| Shape | Batch | Case | Mean | ± s.e. | × softmax Adam step | Allocated/op |");
        Line(md, "|---|---|---|---:|---:|---:|---:|");
        foreach (SoftmaxStepRow r in Steps.OrderBy(r => r.Shape).ThenBy(r => r.Batch == "Full" ? 0 : 1))
        {
            double adam = Find(r.Shape, r.Batch, SoftmaxStepBenchmarks.AdamStep)?.MeanNs ?? double.NaN;
            Line(md, $"| {r.Shape} | {r.Batch} | {r.Name} | {Time(r.MeanNs)} | {Time(r.ErrorNs)} | {r.MeanNs / adam:F2} | {Bytes(r.AllocatedBytes)} |");
        }

        Line(md);
        if (Memory.Count > 0)
        {
            Line(md, "| Data | Setting | Data as float | Peak heap growth | × data | Reading alone: peak | × data | Parameters × 8 B | Allocated | Fit time |");
            Line(md, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (MemoryResult m in Memory)
            {
                Line(md, $"| {m.Problem} | {m.Setting} | {Mb(m.DataBytes)} | {Mb(m.PeakHeapGrowth)} | {m.Ratio:F2} | {Mb(m.ReadPeakHeapGrowth)} | " +
                    $"{m.ReadPeakHeapGrowth / (double)m.DataBytes:F2} | {Mb(m.ParameterBytes)} | {Mb(m.Allocated)} | {m.Seconds:F1} s |");
            }

            Line(md);
            foreach (MemoryResult m in Memory)
            {
                Line(md, $"- {m.Problem}, {m.Setting}: {MemoryNote(m)}");
            }

            Line(md);
        }

        Line(md, "Step = what the training loop does per step: Adam = loss+gradient pass of the softmax objective then the update; AdaHessian = " +
            "one fused pass that also accumulates the exact Hessian diagonal (the trainers' default) or Hz for one Rademacher probe (Hutchinson), " +
            "then the update. BenchmarkDotNet, in-process, the kernel benchmarks' job. Memory: one `Fit` of AdaHessianMaximumEntropy on an ML.NET " +
            "view with a key label, cached in memory and read once beforehand; peak GC.GetTotalMemory(false) growth sampled every 1 ms, as for the binary trainers.");
        Line(md, End);
        return md.ToString();
    }

    /// <summary>
    /// <paramref name="existing"/> with <paramref name="section"/> in place of its marked section; without one, the section
    /// goes before "## Method" (or at the end).
    /// </summary>
    /// <exception cref="InvalidDataException">The markers are not one begin followed by one end.</exception>
    public static string Splice(string existing, string section)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(section);
        int begin = existing.IndexOf(Begin, StringComparison.Ordinal), end = existing.IndexOf(End, StringComparison.Ordinal);
        if (begin >= 0 && end > begin && existing.IndexOf(Begin, begin + 1, StringComparison.Ordinal) < 0 && existing.IndexOf(End, end + 1, StringComparison.Ordinal) < 0)
        {
            int after = end + End.Length;
            after += after < existing.Length && existing[after] == '\n' ? 1 : 0;
            return string.Concat(existing.AsSpan(0, begin), section, existing.AsSpan(after));
        }

        if (begin >= 0 || end >= 0)
        {
            throw new InvalidDataException($"The report's multiclass section markers are broken: expected one \"{Begin}\" line followed by one \"{End}\" line.");
        }

        int method = existing.IndexOf("\n## Method", StringComparison.Ordinal);
        return method < 0
            ? existing + (existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n") + section
            : string.Concat(existing.AsSpan(0, method + 1), section, "\n", existing.AsSpan(method + 1));
    }

    /// <summary>Where a fit's peak comes from, computed: the reader's share, and the rest in parameter vectors.</summary>
    public static string MemoryNote(MemoryResult m)
    {
        double read = m.ReadPeakHeapGrowth / (double)m.DataBytes;
        double rest = (m.PeakHeapGrowth - m.ReadPeakHeapGrowth) / (double)m.ParameterBytes;
        return $"reading the rows alone peaks at {read:F2}× the data ({(read > MemoryTarget ? "above" : "within")} the {MemoryTarget}× target by itself); " +
            $"the fit's peak is {Mb(m.PeakHeapGrowth - m.ReadPeakHeapGrowth)} above that, {rest:F0} parameter vectors of {Mb(m.ParameterBytes)}.";
    }

    private SoftmaxStepRow? Find(SoftmaxShape shape, string batch, string name) =>
        Steps.FirstOrDefault(r => r.Shape == shape && r.Batch == batch && r.Name == name);

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
