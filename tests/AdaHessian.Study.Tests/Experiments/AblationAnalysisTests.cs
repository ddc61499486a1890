using AdaHessian.Study.Experiments.Ablation;

namespace AdaHessian.Study.Tests.Experiments;

public class AblationAnalysisTests
{
    // Two problems (full batch, mini-batches) × 3 seeds; every variant's gaps given by a function of (variant, instance).
    private static AblationAnalysis Analysis(Func<int, int, double> gap)
    {
        AblationProblem[] problems =
        [
            new("full", "full", _ => throw new InvalidOperationException()),
            new("mini", "mini", _ => throw new InvalidOperationException(), MiniBatch: true),
        ];
        var variants = AblationVariant.All;
        var runs = new AblationRun[variants.Count, 6];
        for (int v = 0; v < variants.Count; v++)
        {
            for (int k = 0; k < 6; k++)
            {
                runs[v, k] = new AblationRun(gap(v, k), 100);
            }
        }

        return new AblationAnalysis(problems, variants, 3, runs);
    }

    [Fact]
    public void Conclusions_follow_the_paired_tests_and_say_when_both_settings_converged_anyway()
    {
        // Variant 1 is far above the defaults everywhere; variant 2 equals them; variant 3 is slightly above them
        // (both within 1e-3); the rest diverge on the mini-batch problem.
        var analysis = Analysis((v, k) => v switch
        {
            0 => 1e-7 * (k + 1),
            1 => 1e-2,
            2 => 1e-7 * (k + 1),
            3 => 2e-7 * (k + 1),
            _ => k >= 3 ? double.PositiveInfinity : 1e-7 * (k + 1),
        });

        string[] lines = [.. analysis.Conclusions()];

        Assert.StartsWith("**AdaHessian official** against AdaHessian defaults: the defaults' gap is lower on 6, higher on 0, equal on 0 of 6 instances", lines[0]);
        Assert.EndsWith(": AdaHessian defaults reach the lower gap; within 1e-3 of F* on 0/3 full-batch fits, the defaults on 3/3; " +
            "within 1e-3 of F* on 0/3 mini-batch fits, the defaults on 3/3.", lines[0]);
        Assert.EndsWith("equal on 6 of 6 instances (Wilcoxon p = 1, sign test p = 1): no difference at the 5 % level.", lines[1]);
        Assert.Contains("AdaHessian defaults reach the lower gap, but both are within 1e-3 of F* on every instance", lines[2]);
        Assert.Contains("lower on 3, higher on 0, equal on 3", lines[3]);

        // Equal on the full batches, diverged on the mini-batches: the regime it fails is named whatever the tests say.
        Assert.EndsWith("; within 1e-3 of F* on 0/3 mini-batch fits, the defaults on 3/3.", lines[3]);
        Assert.Equal((0, 3), analysis.Within(1, miniBatch: true));
        Assert.Equal((3, 3), analysis.Within(1 + 3, miniBatch: false));
        Assert.Equal((0, 3), analysis.Within(1 + 3, miniBatch: true));
    }

    [Fact]
    public void Every_variant_but_the_defaults_is_compared_with_them_and_the_defaults_come_first()
    {
        Assert.Equal(AblationVariant.DefaultsKey, AblationVariant.All[0].Key);
        Assert.Equal(AblationVariant.All.Count - 1, Analysis((_, _) => 1e-6).Conclusions().Count());
        Assert.Equal(AblationVariant.All.Count, AblationVariant.All.Select(v => v.Key).Distinct().Count());
    }
}
