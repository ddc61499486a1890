using AdaHessian.Benchmarks.EndToEnd;
using AdaHessian.Benchmarks.Kernels;
using AdaHessian.Benchmarks.Report;
using AdaHessian.Datasets;
using AdaHessian.MLNet;

namespace AdaHessian.Benchmarks.Tests;

public class PerformanceReportTests
{
    private static readonly MachineInfo Machine = new("Test CPU", 4, "TestOS", ".NET test", "Vector<T> 256 bit", "2026-01-01 00:00 UTC",
        "0.10, 0.20, 0.30", "0.40, 0.50, 0.60", 90, 8L << 30);

    public PerformanceReportTests()
    {
        // The kernels section states the full-batch sizes; keep their data tiny.
        KernelBenchmarks.DenseShape = (16, 4);
        KernelBenchmarks.SparseShape = (16, 20, 2);
    }

    private static string[] Lines(string markdown) => markdown.Split('\n');

    private static string Row(string[] lines, string start) =>
        Assert.Single(lines, l => l.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void KernelTargetsUseTheRatioThresholdsUnitsAndTheAllocationFloor()
    {
        var rows = new List<KernelRow>
        {
            new(Layout.Dense, "Full", "loss+gradient", 1e6, 999, 0, 1, 6.0),
            new(Layout.Dense, "Full", "AdaHessian step", 1.2e6, 1e3, 24, 1.2, 5),
            new(Layout.Dense, "Full", "Adam step", 1.0e6, 10, 0, 1, 5),
            new(Layout.Dense, "256", "AdaHessian step", 2800, 1, 0, 1, 5),
            new(Layout.Dense, "256", "Adam step", 2000, 1, 23, 1, 5),
            new(Layout.Sparse, "Full", "AdaHessian step", 2.6e9, 1, 0, 1, 5),
            new(Layout.Sparse, "Full", "Adam step", 2.0e9, 1, 10, 1, 5),
        };
        string md = PerformanceReport.Render(Machine, new KernelReport(rows, 4.0, 10.0), [], quick: false, repeats: 3);
        string[] lines = Lines(md);

        Assert.Equal("| AdaHessian step ≤ 1.3× Adam step (Dense, batch Full) | 1.20× (1.20 ms vs 1.00 ms) | yes |",
            Row(lines, "| AdaHessian step ≤ 1.3× Adam step (Dense, batch Full)"));
        Assert.Equal("| AdaHessian step ≤ 1.3× Adam step (Dense, batch 256) | 1.40× (2.80 µs vs 2.00 µs) | **no** |",
            Row(lines, "| AdaHessian step ≤ 1.3× Adam step (Dense, batch 256)"));
        // Exactly at the threshold counts as met.
        Assert.Equal("| AdaHessian step ≤ 1.3× Adam step (Sparse, batch Full) | 1.30× (2.60 s vs 2.00 s) | yes |",
            Row(lines, "| AdaHessian step ≤ 1.3× Adam step (Sparse, batch Full)"));
        Assert.DoesNotContain(lines, l => l.StartsWith("| AdaHessian step ≤ 1.3× Adam step (Sparse, batch 256)", StringComparison.Ordinal));

        // 6 GB/s of 10 GB/s is 60% ≥ 50%.
        string bandwidth = Row(lines, "| Dense loss+gradient ≥ 50% of memory-read bandwidth");
        Assert.Contains("6.00 GB/s", bandwidth);
        Assert.Contains("10.00 GB/s (all cores; one thread 4.00 GB/s)", bandwidth);
        Assert.EndsWith("| yes |", bandwidth);

        // Fewer than 24 B/op is no allocation; 24 B is one object.
        Assert.EndsWith("| yes |", Row(lines, "| Zero allocations per step: Adam step |"));
        string ada = Row(lines, "| Zero allocations per step: AdaHessian step |");
        Assert.Contains("Dense/Full: 24 B", ada);
        Assert.EndsWith("| **no** |", ada);

        // Time units in the kernels table: ns below 1 µs, then µs, ms, s.
        Assert.Equal("| Dense | Full | loss+gradient | 1.00 ms | 999 ns | 1.00 | 6.00 | 0 B |",
            Row(lines, "| Dense | Full | loss+gradient |"));
        Assert.StartsWith("| Dense | Full | AdaHessian step | 1.20 ms | 1.00 µs |", Row(lines, "| Dense | Full | AdaHessian step |"));
        Assert.StartsWith("| Sparse | Full | AdaHessian step | 2.60 s |", Row(lines, "| Sparse | Full | AdaHessian step |"));
    }

    [Fact]
    public void SteadyStateAllocationsDecideTheStepTargetAndBenchmarkWindowRowsBecomeInformation()
    {
        var rows = new List<KernelRow>
        {
            new(Layout.Dense, "Full", "Adam step", 1.0e6, 10, 500, 1, 5),
            new(Layout.Dense, "Full", "AdaHessian step", 1.2e6, 10, 0, 1, 5),
        };
        var steady = new List<AllocationRow>
        {
            new(Layout.Dense, "Full", "Adam step", 100, 0, 0.4),
            new(Layout.Dense, "Full", "AdaHessian step", 100, 0, 24),
        };
        string md = PerformanceReport.Render(Machine, new KernelReport(rows, 4.0, 10.0) { SteadyState = steady }, [], quick: false, repeats: 3);
        string[] lines = Lines(md);

        Assert.EndsWith("| Dense/Full: 500 B | — |", Row(lines, "| Allocations per Adam step, BenchmarkDotNet window (process-wide) |"));
        // 0.4 B per call in the process is background noise (< one 24-byte object); 24 B is one object per call.
        Assert.EndsWith("| Dense/Full (100 calls): 0 B caller, 0.4 B process | yes |",
            Row(lines, "| Zero allocations per step in steady state: Adam step"));
        Assert.EndsWith("| Dense/Full (100 calls): 0 B caller, 24 B process | **no** |",
            Row(lines, "| Zero allocations per step in steady state: AdaHessian step"));
        Assert.Contains("**Allocations.** AdaHessian step (Dense/Full) 0 B on the caller, 24 B in the process per step", md);
    }

    [Fact]
    public void TimeToOptimumTargetDependsOnLayoutReachAndPeakMemory()
    {
        // Dense: 10 × 2 floats = 80 bytes. Sparse: 3 values + 3 indices + 5 row starts = 44 bytes.
        var dense = LabelledMatrix.Dense(10, 2, new float[20], new float[10]);
        var sparse = LabelledMatrix.Sparse(4, 5, [0, 1, 2, 3, 3], [0, 1, 2], [1f, 1f, 1f], new float[4]);
        var problems = new List<ProblemResult>
        {
            Result("(x) dense", dense, Trainer("AdaHessianTrainer", true, 3.0, peak: 120), Trainer("AdamTrainer", true, 1.0, peak: 500),
                Trainer("LbfgsLogisticRegression", true, 2.0, peak: 0)),
            Result("(y) sparse", sparse, Trainer("AdaHessianTrainer", true, 3.0, peak: 67), Trainer("LbfgsLogisticRegression", true, 2.0, peak: 0)),
            Result("(z) dense unreached", dense, Trainer("AdaHessianTrainer", false, 1.0, peak: 0), Trainer("LbfgsLogisticRegression", true, 2.0, peak: 0)),
        };
        string[] lines = Lines(PerformanceReport.Render(Machine, null, problems, quick: false, repeats: 3));

        // Dense limit 1×: 1.5× misses.
        Assert.Equal("| (x) dense: AdaHessianTrainer time-to-optimum ≤ 1× L-BFGS target | 1.50× (3.00 s vs 2.00 s) | **no** |",
            Row(lines, "| (x) dense: AdaHessianTrainer time-to-optimum"));
        // Adam is a reference row without a verdict.
        Assert.EndsWith("| 0.50× (1.00 s vs 2.00 s) | — |", Row(lines, "| (x) dense: AdamTrainer time-to-optimum ≤ 1× L-BFGS (reference, no target)"));
        // Sparse limit 2×: 1.5× meets.
        Assert.Equal("| (y) sparse: AdaHessianTrainer time-to-optimum ≤ 2× L-BFGS target | 1.50× (3.00 s vs 2.00 s) | yes |",
            Row(lines, "| (y) sparse: AdaHessianTrainer time-to-optimum"));
        // Faster but the target was not reached: not met.
        Assert.Equal("| (z) dense unreached: AdaHessianTrainer time-to-optimum ≤ 1× L-BFGS target | 0.50× (1.00 s vs 2.00 s), target not reached | **no** |",
            Row(lines, "| (z) dense unreached: AdaHessianTrainer time-to-optimum"));

        // Peak memory over features as float: 120/80 = 1.5 meets, 67/44 = 1.52 misses.
        Assert.Equal("| (x) dense: AdaHessianTrainer peak training memory ≤ 1.5× data as float | 1.50× (+0.0 MB over 0.0 MB) | yes |",
            Row(lines, "| (x) dense: AdaHessianTrainer peak training memory"));
        Assert.StartsWith("| (y) sparse: AdaHessianTrainer peak training memory ≤ 1.5× data as float | 1.52× ", Row(lines, "| (y) sparse: AdaHessianTrainer peak training memory"));
        Assert.EndsWith("| **no** |", Row(lines, "| (y) sparse: AdaHessianTrainer peak training memory"));

        // The per-problem table: ratio to L-BFGS and the reached flag.
        Assert.Contains(lines, l => l.StartsWith("| AdaHessianTrainer | yes | 3.00 s | 2.50–3.50 s | 3 | 1.50 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| AdaHessianTrainer | **no** | 1.00 s |", StringComparison.Ordinal));
        Assert.Contains("target F ≤ F*·(1 + 1e-3)", string.Join('\n', lines));
    }

    private static TrainerResult Trainer(string name, bool reached, double median, long peak) =>
        new(name, "setting", reached, median, median - 0.5, median + 0.5, 3, 0.5, reached ? 1e-4 : 1e-2, 0.9, 0.8, peak, 1000, "");

    private static ProblemResult Result(string name, LabelledMatrix train, params TrainerResult[] trainers) =>
        new(new Problem(name, train, train, 1f, () => new AdaHessianTrainer.Options(), () => new AdamTrainer.Options()),
            0.5, "tight L-BFGS (tolerance 1e-10)", trainers.ToList());
}
