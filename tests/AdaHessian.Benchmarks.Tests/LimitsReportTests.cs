using System.Text;
using AdaHessian.Benchmarks.Kernels;
using AdaHessian.Benchmarks.Report;

namespace AdaHessian.Benchmarks.Tests;

public class LimitsReportTests
{
    public LimitsReportTests()
    {
        KernelBenchmarks.DenseShape = (16, 4);
        KernelBenchmarks.SparseShape = (16, 20, 2);
    }

    private static string Render(params KernelRow[] rows)
    {
        var md = new StringBuilder();
        LimitsReport.Render(md, new KernelReport([.. rows], 4.0, 10.0), [], []);
        return md.ToString();
    }

    private static KernelRow Row(Layout layout, string batch, string name, double ns, long allocated = 0, double gbps = double.NaN) =>
        new(layout, batch, name, ns, 1, allocated, 1, gbps);

    [Fact]
    public void A_missed_step_ratio_gets_a_bullet_with_its_pass_ratio_and_a_met_one_none()
    {
        string md = Render(
            Row(Layout.Dense, "256", "loss+gradient", 1000), Row(Layout.Dense, "256", "loss+gradient+Hz", 1500),
            Row(Layout.Dense, "256", "AdaHessian update", 100), Row(Layout.Dense, "256", "AdaHessian step", 1700),
            Row(Layout.Dense, "256", "Adam step", 1100),
            Row(Layout.Sparse, "256", "loss+gradient", 1000), Row(Layout.Sparse, "256", "loss+gradient+Hz", 1200),
            Row(Layout.Sparse, "256", "AdaHessian update", 100), Row(Layout.Sparse, "256", "AdaHessian step", 1300),
            Row(Layout.Sparse, "256", "Adam step", 1100));

        // 1700 / 1100 = 1.55 > 1.3: explained with the pass ratio 1.50 and the estimator's 1700 − 1500 − 100 = 100 ns.
        Assert.Contains("**AdaHessian step, dense batch 256: 1.55× Adam's.** The fused pass costs 1.50× loss+gradient", md);
        Assert.Contains("the curvature estimator's O(d) loops add 100 ns and the update 100 ns", md);
        // 1300 / 1100 = 1.18 ≤ 1.3: no bullet.
        Assert.DoesNotContain("AdaHessian step, sparse", md);
    }

    [Fact]
    public void Bandwidth_and_allocation_bullets_appear_only_when_missed()
    {
        string met = Render(Row(Layout.Dense, "Full", "loss+gradient", 1000, gbps: 5.0), Row(Layout.Dense, "Full", "Adam step", 1000, allocated: 23));
        string missed = Render(Row(Layout.Dense, "Full", "loss+gradient", 1000, gbps: 4.9), Row(Layout.Dense, "Full", "Adam step", 1000, allocated: 24));

        Assert.DoesNotContain("Dense bandwidth", met);
        Assert.DoesNotContain("**Allocations.**", met);
        Assert.Contains("loss+gradient streams 4.90 GB/s of features, 49 % of the plain sum's 10.00 GB/s", missed);
        Assert.Contains("**Allocations.** Adam step (Dense/Full) 24 B per step", missed);
    }
}
