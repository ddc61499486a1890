using AdaHessian.Benchmarks.Data;
using AdaHessian.Benchmarks.EndToEnd;
using AdaHessian.Benchmarks.Kernels;
using AdaHessian.Benchmarks.Report;
using AdaHessian.Datasets;

namespace AdaHessian.Benchmarks.Tests;

public class SoftmaxReportTests
{
    private static readonly MachineInfo Machine = new("Test CPU", 4, "TestOS", ".NET test", "Vector<T> 256 bit", "2026-01-01 00:00 UTC",
        "0.10, 0.20, 0.30", "0.40, 0.50, 0.60", 90, 8L << 30);

    private static readonly string Section = new SoftmaxReport([], [], Machine).Render();

    private static string Row(string markdown, string start) =>
        Assert.Single(markdown.Split('\n'), l => l.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void The_step_and_memory_targets_use_their_thresholds()
    {
        var steps = new List<SoftmaxStepRow>
        {
            new(SoftmaxShape.Dense, "Full", SoftmaxStepBenchmarks.AdamStep, 1e6, 1, 0),
            new(SoftmaxShape.Dense, "Full", SoftmaxStepBenchmarks.AdaHessianStep, 1.3e6, 1, 0),
            new(SoftmaxShape.Dense, "Full", SoftmaxStepBenchmarks.HutchinsonStep, 2e6, 1, 0),
            new(SoftmaxShape.Sparse, "256", SoftmaxStepBenchmarks.AdamStep, 2000, 1, 0),
            new(SoftmaxShape.Sparse, "256", SoftmaxStepBenchmarks.AdaHessianStep, 2800, 1, 0),
        };
        var memory = new List<MemoryResult> { new("FM", "L2 = 1", 100_000_000, 150_000_000, 1, 2, 120_000_000, 8_000), new("S", "x", 100_000_000, 151_000_000, 1, 2, 1, 1) };
        string md = new SoftmaxReport(steps, memory, Machine).Render();

        // Exactly 1.3× counts as met; Hutchinson is shown without a target.
        Assert.EndsWith("| 1.30× (1.30 ms vs 1.00 ms) | yes |", Row(md, "| Softmax AdaHessian step ≤ 1.3× softmax Adam step (Dense, batch Full) target"));
        Assert.EndsWith("| 2.00× (2.00 ms vs 1.00 ms) | — |", Row(md, "| Softmax AdaHessian step (Hutchinson) ≤ 1.3× softmax Adam step (Dense, batch Full)"));
        Assert.EndsWith("| 1.40× (2.80 µs vs 2.00 µs) | **no** |", Row(md, "| Softmax AdaHessian step ≤ 1.3× softmax Adam step (Sparse, batch 256) target"));
        Assert.DoesNotContain("(Sparse, batch Full)", md, StringComparison.Ordinal);
        Assert.EndsWith("| 1.50× (+150.0 MB over 100.0 MB) | yes |", Row(md, "| FM: AdaHessianMaximumEntropy (L2 = 1) peak training memory"));
        Assert.EndsWith("| 1.51× (+151.0 MB over 100.0 MB) | **no** |", Row(md, "| S: AdaHessianMaximumEntropy (x) peak training memory"));
        Assert.Equal("| FM | L2 = 1 | 100.0 MB | 150.0 MB | 1.50 | 120.0 MB | 1.20 | 0.0 MB | 0.0 MB | 2.0 s |", Row(md, "| FM | L2 = 1 |"));
        Assert.StartsWith(SoftmaxReport.Begin + "\n", md, StringComparison.Ordinal);
        Assert.EndsWith(SoftmaxReport.End + "\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_memory_note_splits_the_peak_into_the_reader_and_parameter_vectors()
    {
        // Data 10 MB; reading peaks at 19 MB (1.9×); the fit at 59 MB: 40 MB more, 10 vectors of 4 MB.
        var m = new MemoryResult("S", "x", 10_000_000, 59_000_000, 1, 1, 19_000_000, 4_000_000);
        Assert.Equal("reading the rows alone peaks at 1.90× the data (above the 1.5× target by itself); the fit's peak is 40.0 MB above that, 10 parameter vectors of 4.0 MB.",
            SoftmaxReport.MemoryNote(m));
        Assert.Contains("(within the 1.5× target by itself)", SoftmaxReport.MemoryNote(m with { ReadPeakHeapGrowth = 15_000_000 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Splicing_replaces_only_the_marked_section()
    {
        string old = $"# P\n\nkept above\n{SoftmaxReport.Begin}\nold numbers\n{SoftmaxReport.End}\nkept below\n";
        Assert.Equal($"# P\n\nkept above\n{Section}kept below\n", SoftmaxReport.Splice(old, Section));
    }

    [Fact]
    public void Without_a_section_it_goes_before_the_method_or_at_the_end()
    {
        Assert.Equal($"# P\n\n## A\n\n{Section}\n## Method\n\nm\n", SoftmaxReport.Splice("# P\n\n## A\n\n## Method\n\nm\n", Section));
        Assert.Equal($"# P\n{Section}", SoftmaxReport.Splice("# P", Section));
    }

    [Fact]
    public void Broken_markers_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => SoftmaxReport.Splice($"x\n{SoftmaxReport.Begin}\ny\n", Section));
        Assert.Throws<InvalidDataException>(() => SoftmaxReport.Splice($"{SoftmaxReport.End}\n{SoftmaxReport.Begin}\n", Section));
        Assert.Throws<InvalidDataException>(() =>
            SoftmaxReport.Splice($"{SoftmaxReport.Begin}\n{SoftmaxReport.End}\n{SoftmaxReport.Begin}\n{SoftmaxReport.End}\n", Section));
    }

    [Fact]
    public void Synthetic_labels_are_the_argmax_of_the_directions_and_seeded()
    {
        // Two rows of two features; the directions are drawn from the seed, so the labels must match a recomputation.
        var x = LabelledMatrix.Dense(2, 2, [1f, 0f, 0f, 1f], [0f, 0f]);
        var a = SyntheticMulticlass.Labelled(x, 3, seed: 7);
        var b = SyntheticMulticlass.Labelled(x, 3, seed: 7);
        Assert.Equal(a.Labels, b.Labels);
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(7 + 1_000_003, threadSafe: false);
        double[] v = [.. Enumerable.Range(0, 6).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1))];
        // Row 0 is e₁: its score for class k is v[2k]; row 1 is e₂: v[2k + 1].
        Assert.Equal(Enumerable.Range(0, 3).MaxBy(k => v[2 * k]), a.Labels[0]);
        Assert.Equal(Enumerable.Range(0, 3).MaxBy(k => v[2 * k + 1]), a.Labels[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticMulticlass.Labelled(x, 1, seed: 7));
    }

    [Fact]
    public void Feature_bytes_count_values_and_for_csr_indices_and_row_starts()
    {
        var dense = SyntheticMulticlass.Labelled(LabelledMatrix.Dense(3, 2, new float[6], new float[3]), 2, 1);
        Assert.Equal(3 * 2 * 4, MulticlassViews.FeatureBytes(dense));
        var sparse = SyntheticMulticlass.Labelled(LabelledMatrix.Sparse(2, 5, [0, 2, 3], [0, 4, 1], [1f, 2f, 3f], [0f, 0f]), 2, 1);
        Assert.Equal(3 * 4 + 3 * 4 + 3 * 4, MulticlassViews.FeatureBytes(sparse));
    }
}
