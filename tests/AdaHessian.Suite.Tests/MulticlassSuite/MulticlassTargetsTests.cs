using AdaHessian.Suite.MulticlassSuite;
using static AdaHessian.Suite.MulticlassSuite.MulticlassSuiteMethods;
using static AdaHessian.Suite.Tests.MulticlassSuite.MulticlassSuiteFixture;

namespace AdaHessian.Suite.Tests.MulticlassSuite;

public class MulticlassTargetsTests
{
    private static readonly MulticlassDatasetOutcome[] Datasets = [Alpha(), Beta(), Gamma(), Delta(), Skipped()];

    [Fact]
    public void The_best_baseline_is_the_lower_of_Lbfgs_and_Sdca_that_ran_and_a_dataset_without_one_is_not_counted()
    {
        // alpha: 0.303 ≤ 1.01 × min(0.404, 0.5); beta: SDCA threw, 0.36 / 0.3 = 1.2; gamma: 0.2 / min(0.25, 0.16) = 1.25; delta: none ran.
        var tally = MulticlassTargets.AgainstBest(Datasets);

        Assert.Equal((1, 3), (tally.Met, tally.Total));
        Assert.Equal("met on 1/3 (missed: beta 1.200×, gamma 1.250×)", tally.ToString());
    }

    [Fact]
    public void The_cross_validated_target_allows_three_percent()
    {
        // alpha: 0.303 / 0.301 = 1.007; beta: 0.36 / 0.32 = 1.125; gamma: 0.2 / 0.25 = 0.8; delta: the search failed.
        Assert.Equal("met on 2/3 (missed: beta 1.125×)", MulticlassTargets.AgainstCrossValidated(Datasets).ToString());
    }

    [Fact]
    public void The_time_target_is_a_quarter_of_the_search_or_under_50_ms()
    {
        // alpha: 0.4 ≤ 0.25 × 2; beta: 0.6 > 0.25 × 1; gamma: 0.04 > 0.25 × 0.1 but < 0.05; delta: the search failed.
        Assert.Equal("met on 2/3 (missed: beta 0.60×)", MulticlassTargets.Time(Datasets).ToString());
    }

    [Fact]
    public void Exactly_50_ms_is_not_under_50_ms_and_exactly_a_quarter_is_in_time()
    {
        var at50 = Dataset("at50", 10, 3, 3, Fit(LbfgsCrossValidated, 0.3, [0.1], 1), Fit(AdaHessianDefaults, 0.3, [0.05], 1));
        var quarter = Dataset("quarter", 10, 3, 3, Fit(LbfgsCrossValidated, 0.3, [4.0], 1), Fit(AdaHessianDefaults, 0.3, [1.0], 1));

        Assert.Equal("met on 1/2 (missed: at50 0.50×)", MulticlassTargets.Time([at50, quarter]).ToString());
    }

    [Fact]
    public void A_failed_default_fit_misses_every_target_it_is_checked_on()
    {
        var failed = Dataset("broken", 10, 3, 3, Fit(LbfgsFixed, 0.3, [0.1], 1), Fit(LbfgsCrossValidated, 0.3, [1.0], 1),
            MulticlassMethodOutcome.Failed(AdaHessianDefaults, new ArithmeticException("diverged"), [0.01]));

        Assert.Equal("met on 0/1 (missed: broken failed)", MulticlassTargets.AgainstBest([failed]).ToString());
        Assert.Equal("met on 0/1 (missed: broken failed)", MulticlassTargets.AgainstCrossValidated([failed]).ToString());
        Assert.Equal("met on 0/1 (missed: broken failed)", MulticlassTargets.Time([failed]).ToString());
    }

    [Fact]
    public void No_dataset_gives_met_on_none_of_none() =>
        Assert.Equal("met on 0/0", MulticlassTargets.AgainstBest([Skipped()]).ToString());
}
