using AdaHessian.Suite.Report;

namespace AdaHessian.Suite.Tests.Report;

public class PairedComparisonTests
{
    // Ratios A/B = 0.5, 0.8, 0.995, 1.2, 0.25: three lower by more than 1 %, one higher, one within 1 %.
    private static readonly PairedScore Mixed = PairedComparison.Compare("A", "B", [0.5, 0.8, 0.995, 1.2, 0.25], [1, 1, 1, 1, 1]);

    // Eight datasets, A lower on every one, by distinct ratios.
    private static readonly PairedScore AllLower = PairedComparison.Compare("auto", "L2 = 1",
        [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], [1, 1, 1, 1, 1, 1, 1, 1]);

    [Fact]
    public void Lower_higher_and_level_count_ratios_beyond_one_percent_and_the_median_is_of_the_ratios()
    {
        Assert.Equal((5, 3, 1, 1), (Mixed.Datasets, Mixed.Better, Mixed.Worse, Mixed.Level));
        Assert.Equal(0.8, Mixed.MedianRatio, 12);
    }

    [Fact]
    public void The_sign_test_is_the_exact_binomial_on_lower_against_higher()
    {
        Assert.Equal(2 * 5 / 16.0, Mixed.SignTestP, 12);     // n = 4, k = 1: 2·(1 + 4)/2⁴
        Assert.Equal(2 / 256.0, AllLower.SignTestP, 12);     // n = 8, k = 0: 2/2⁸
    }

    [Fact]
    public void The_Wilcoxon_test_ranks_the_log_ratios()
    {
        // |log r| ranks: 0.995 → 1, 1.2 → 2, 0.8 → 3, 0.5 → 4, 0.25 → 5; W⁺ = 2 (the one higher), n = 5:
        // z = (2 − 7.5 + ½)/√13.75 = −1.3484, p = 2Φ(−1.3484) = 0.17753.
        Assert.Equal(-1.3484, Mixed.WilcoxonZ, 4);
        Assert.Equal(0.17753, Mixed.WilcoxonP, 5);
        // W⁺ = 0, n = 8: z = (−18 + ½)/√51 = −2.4505, p = 0.014266.
        Assert.Equal(0.014266, AllLower.WilcoxonP, 6);
    }

    [Fact]
    public void The_conclusion_states_a_difference_only_when_the_Wilcoxon_test_finds_one_and_in_its_direction()
    {
        Assert.Equal("**auto** has lower test log-loss than **L2 = 1** at the 5 % level (Wilcoxon signed-rank p = 0.014, sign test " +
            "p = 0.0078): lower by more than 1 % on 8 of 8 datasets, higher on 0, within 1 % on 0; median ratio 0.550×.",
            PairedComparison.Conclusion(AllLower));
        var reversed = PairedComparison.Compare("L2 = 1", "auto", [1, 1, 1, 1, 1, 1, 1, 1], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]);
        Assert.StartsWith("**L2 = 1** has higher test log-loss than **auto** at the 5 % level", PairedComparison.Conclusion(reversed));
        Assert.Equal("**A** and **B** do not differ at the 5 % level (Wilcoxon signed-rank p = 0.18, sign test p = 0.63): A is lower by " +
            "more than 1 % on 3 of 5 datasets, higher on 1, within 1 % on 1; median ratio 0.800×.", PairedComparison.Conclusion(Mixed));
    }

    [Fact]
    public void Losses_that_are_not_positive_and_finite_or_unpaired_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PairedComparison.Compare("A", "B", [0.0], [1]));
        Assert.Throws<ArgumentException>(() => PairedComparison.Compare("A", "B", [double.NaN], [1]));
        Assert.Throws<ArgumentException>(() => PairedComparison.Compare("A", "B", [1, 2], [1]));
    }

    [Fact]
    public void Without_datasets_nothing_is_concluded()
    {
        var none = PairedComparison.Compare("A", "B", [], []);
        Assert.Equal((0, 1.0, 1.0), (none.Datasets, none.SignTestP, none.WilcoxonP));
        Assert.Equal("**A** and **B** have no dataset in common.", PairedComparison.Conclusion(none));
    }
}
