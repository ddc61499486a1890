using System.Text;
using AdaHessian.Benchmarks.EndToEnd;
using AdaHessian.Benchmarks.Kernels;
using static AdaHessian.Benchmarks.Report.PerformanceReport;

namespace AdaHessian.Benchmarks.Report;

/// <summary>
/// The "What limits the missed targets" section: one bullet per missed target, its numbers from this run and its
/// cause from the breakdown and from the sampled profile in results/profile.md (`dotnet cake --target=Profile`).
/// </summary>
internal static class LimitsReport
{
    public static void Render(StringBuilder md, KernelReport? k, List<ProblemResult> problems,
        IReadOnlyList<ConditioningResult> conditioning)
    {
        Line(md, "## What limits the missed targets");
        Line(md);
        if (k is not null)
        {
            StepRatios(md, k);
            Bandwidth(md, k);
            Allocations(md, k);
        }

        PeakMemory(md, problems);
        if (!ConditioningReport.Limits(md, problems, conditioning))
        {
            Line(md, "- **Fashion-MNIST time-to-optimum.** No AdaHessian or Adam setting of a tuning grid (`--filter tune`) came within 1e-3 " +
                "of F*; the conditioning analysis that measures why runs with `--filter all`, `e2e` or `conditioning`.");
        }
        else
        {
            Line(md, "- **Fashion-MNIST tuning.** In a grid (batch 256, 1,024, 4,096, full × η 0.02–1 × Hutchinson and exact diagonal; " +
                "`--filter tune`, an earlier run) no AdaHessian or Adam setting came within 1e-3 of F* in 150 epochs (best 9e-3): within that grid the " +
                "miss does not come down to the step size or the batch size.");
        }

        Line(md, "- **Noise.** The machine is shared (see the load averages); kernel means vary by up to 2× between runs, so read ratios within one run.");
        Line(md);
    }

    private static void StepRatios(StringBuilder md, KernelReport k)
    {
        var (_, dc) = KernelBenchmarks.DenseShape;
        var (_, sc, sp) = KernelBenchmarks.SparseShape;
        foreach (Layout layout in Enum.GetValues<Layout>())
        {
            foreach (string batch in new[] { "Full", "256" })
            {
                KernelRow? g = k.Find(layout, batch, "loss+gradient"), hz = k.Find(layout, batch, "loss+gradient+Hz"),
                    ada = k.Find(layout, batch, "AdaHessian step"), adam = k.Find(layout, batch, "Adam step"),
                    adaU = k.Find(layout, batch, "AdaHessian update");
                if (g is null || hz is null || ada is null || adam is null || adaU is null || ada.MeanNs <= 1.3 * adam.MeanNs)
                {
                    continue;
                }

                double estimator = ada.MeanNs - hz.MeanNs - adaU.MeanNs;
                string what = layout == Layout.Dense
                    ? $"d = {dc}: per stored value the Hz pass does four fused multiply-adds (x·w, x·z, g, Hz) where loss+gradient " +
                      "does two, and on rows that come from cache that arithmetic is the cost"
                    : $"d = {sc + 1:N0}, {sp} non-zeros per row: per non-zero the Hz pass adds a gather of z and a scatter into Hz, " +
                      "random accesses into two more d-long vectors next to w and g";
                string rest = estimator > 0
                    ? $"the curvature estimator's O(d) loops add {Time(estimator)} and the update {Time(adaU.MeanNs)}"
                    : $"the rest of the step (estimator and update) is within the noise of this subtraction";
                Line(md, $"- **AdaHessian step, {layout.ToString().ToLowerInvariant()} batch {batch}: {ada.MeanNs / adam.MeanNs:F2}× Adam's.** " +
                    $"The fused pass costs {hz.MeanNs / g.MeanNs:F2}× loss+gradient ({what}); {rest}, against " +
                    $"{Time(adam.MeanNs)} for the whole Adam step." +
                    (ada.MeanNs <= 1.45 * adam.MeanNs ? " A ratio this close to 1.3 can land on either side of it from run to run." : ""));
            }
        }
    }

    private static void Bandwidth(StringBuilder md, KernelReport k)
    {
        KernelRow? full = k.Find(Layout.Dense, "Full", "loss+gradient"), cached = k.Find(Layout.Dense, "256", "loss+gradient");
        if (full is null || full.FeatureGBps >= 0.5 * k.BandwidthAllCoresGBps)
        {
            return;
        }

        var (rows, columns) = KernelBenchmarks.DenseShape;
        double nsPerFloat = full.MeanNs / ((double)rows * columns) * Environment.ProcessorCount;
        string fromCache = cached is null ? "" : $"; the same pass on a cache-resident batch reads {cached.FeatureGBps:F2} GB/s";
        Line(md, $"- **Dense bandwidth.** loss+gradient streams {full.FeatureGBps:F2} GB/s of features, " +
            $"{full.FeatureGBps / k.BandwidthAllCoresGBps:P0} of the plain sum's {k.BandwidthAllCoresGBps:F2} GB/s ({nsPerFloat:F2} ns per float " +
            $"per core{fromCache}), so the pass is bound by its arithmetic, not by memory: every value is widened to double twice " +
            "(for the dot product, then for the gradient update) and takes two fused multiply-adds into double accumulators (float sums " +
            "over 10⁴–10⁵ rows lose about three digits), and results/profile.md (`dotnet cake --target=Profile`) puts about nine tenths " +
            "of the pass's samples in those two kernels.");
    }

    private static void Allocations(StringBuilder md, KernelReport k)
    {
        var allocating = k.SteadyState.Count > 0
            ? k.SteadyState.Where(r => r.CallerBytesPerCall > 0 || r.ProcessBytesPerCall >= NoObject)
                .Select(r => $"{r.Name} ({r.Layout}/{r.Batch}) {r.CallerBytesPerCall:0.#} B on the caller, {r.ProcessBytesPerCall:0.#} B in the process")
                .ToList()
            : k.Rows.Where(r => r.Name.EndsWith("step", StringComparison.Ordinal) || r.Name.EndsWith("update", StringComparison.Ordinal))
                .Where(r => r.AllocatedBytes >= NoObject).Select(r => $"{r.Name} ({r.Layout}/{r.Batch}) {Bytes(r.AllocatedBytes)}").ToList();
        if (allocating.Count == 0)
        {
            return;
        }

        Line(md, "- **Allocations.** " + string.Join("; ", allocating) + " per step: the passes run on a reusable `ChunkRunner` that " +
            "allocates nothing per call on the calling thread (tested), so these bytes come from the thread pool or the runtime.");
    }

    private static void PeakMemory(StringBuilder md, List<ProblemResult> problems)
    {
        foreach (ProblemResult p in problems)
        {
            foreach (TrainerResult t in p.Trainers.Where(t => t.Trainer == "AdaHessianTrainer"))
            {
                double ratio = t.PeakHeapGrowth / (double)p.Problem.Train.FeatureBytes;
                if (ratio <= 1.5)
                {
                    continue;
                }

                Line(md, $"- **Peak memory, {p.Problem.Name}: {ratio:F2}×.** The trainer holds its own copy of the features " +
                    "(dense: one array; sparse: exact-length CSR arrays filled in a second cursor pass after counting), the labels, the row " +
                    "order and, per chunk of rows, three d-long double buffers; anything above that is working memory of this fit.");
            }
        }
    }
}
