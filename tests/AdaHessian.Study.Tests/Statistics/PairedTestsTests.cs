using AdaHessian.Study.Statistics;
using MathNet.Numerics.Distributions;

namespace AdaHessian.Study.Tests.Statistics;

public class PairedTestsTests
{
    private const double Inf = double.PositiveInfinity;

    /// <summary>Two-sided normal-approximation p-value of R's wilcox.test(exact = FALSE, correct = TRUE), by hand.</summary>
    private static double HandP(double positiveRankSum, int n, double tieSum)
    {
        double centred = positiveRankSum - n * (n + 1) / 4.0;
        double sigma = Math.Sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - tieSum / 48);
        double z = (centred - 0.5 * Math.Sign(centred)) / sigma;
        return 2 * Normal.CDF(0, 1, -Math.Abs(z));
    }

    // ---- Wilcoxon signed-rank -------------------------------------------------------------------------------------

    [Fact]
    public void Wilcoxon_on_Rs_documented_paired_example_gives_V_40_and_the_corrected_normal_p_value()
    {
        // ?wilcox.test (Hollander & Wolfe p. 29): depression scale before (x) and after (y) therapy.
        double[] x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
        double[] y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

        WilcoxonResult result = PairedTests.WilcoxonSignedRank(x, y);

        // |d| = 0.952 1.022 0.43 0.62 0.59 0.49 0.01 | 0.147 0.08 (negative); ranks of the negatives are 3 and 2,
        // so V = 45 − 5 = 40, R's reported statistic.
        Assert.Equal(9, result.NonZero);
        Assert.Equal(40, result.PositiveRankSum);

        // No ties: μ = 9·10/4 = 22.5, σ² = 9·10·19/24 = 71.25, z = (40 − 22.5 − ½)/√71.25 = 17/√71.25.
        double z = 17 / Math.Sqrt(71.25);
        Assert.Equal(2.0139861843809137, z, 14);
        Assert.Equal(z, result.Z, 12);
        double expectedP = 2 * Normal.CDF(0, 1, -z);
        Assert.Equal(expectedP, result.PValue, 12);
        Assert.Equal(0.04401, result.PValue, 5); // R: wilcox.test(x, y, paired = TRUE, exact = FALSE) → 0.04401

        // It is the normal approximation, not R's exact p-value 0.03906 (= 2·10/512).
        Assert.NotEqual(20.0 / 512, result.PValue, 3);
    }

    [Fact]
    public void Wilcoxon_swapping_the_samples_negates_z_and_keeps_p()
    {
        double[] x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
        double[] y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

        WilcoxonResult forward = PairedTests.WilcoxonSignedRank(x, y);
        WilcoxonResult backward = PairedTests.WilcoxonSignedRank(y, x);

        Assert.Equal(5, backward.PositiveRankSum); // 45 − 40
        Assert.Equal(-forward.Z, backward.Z, 12);
        Assert.Equal(forward.PValue, backward.PValue, 14);
    }

    [Fact]
    public void Wilcoxon_drops_zero_differences_and_corrects_the_variance_for_ties()
    {
        // d = 1, −1, 2, 2, 2, 3, 0 (integers, so the ties are exact).
        double[] a = [2, 0, 3, 4, 5, 6, 7];
        double[] b = [1, 1, 1, 2, 3, 3, 7];

        WilcoxonResult result = PairedTests.WilcoxonSignedRank(a, b);

        // The zero is dropped: n = 6. |d| = 1 1 2 2 2 3 → average ranks 1.5 1.5 4 4 4 6.
        // W⁺ = 1.5 + 4 + 4 + 4 + 6 = 19.5. μ = 6·7/4 = 10.5.
        // σ² = 6·7·13/24 − ((2³ − 2) + (3³ − 3))/48 = 22.75 − 30/48 = 22.125.
        // z = (9 − ½)/√22.125.
        Assert.Equal(6, result.NonZero);
        Assert.Equal(19.5, result.PositiveRankSum);
        double z = 8.5 / Math.Sqrt(22.125);
        Assert.Equal(z, result.Z, 12);
        Assert.Equal(2 * Normal.CDF(0, 1, -z), result.PValue, 12);
        Assert.Equal(0.07075, result.PValue, 5);
        Assert.Equal(HandP(19.5, 6, 30), result.PValue, 12);
    }

    [Fact]
    public void Wilcoxon_without_the_tie_correction_would_give_a_different_p()
    {
        double[] a = [2, 0, 3, 4, 5, 6, 7];
        double[] b = [1, 1, 1, 2, 3, 3, 7];

        double p = PairedTests.WilcoxonSignedRank(a, b).PValue;

        Assert.NotEqual(HandP(19.5, 6, 0), p, 6); // the uncorrected variance 22.75 gives ≈ 0.0745
    }

    [Fact]
    public void Wilcoxon_with_all_differences_zero_returns_the_null_result()
    {
        WilcoxonResult result = PairedTests.WilcoxonSignedRank([1.0, 2.0, Inf], [1.0, 2.0, Inf]);

        Assert.Equal(new WilcoxonResult(0, 0, 0, 1), result);
    }

    [Fact]
    public void Wilcoxon_with_a_balanced_sample_has_z_zero_and_p_one()
    {
        // d = +1, −1: W⁺ = 1.5 = μ, so no continuity correction is applied and z = 0.
        WilcoxonResult result = PairedTests.WilcoxonSignedRank([2.0, 1.0], [1.0, 2.0]);

        Assert.Equal(2, result.NonZero);
        Assert.Equal(1.5, result.PositiveRankSum);
        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Wilcoxon_counts_infinity_versus_finite_as_the_largest_difference_and_drops_two_infinities()
    {
        // d = +∞, +2, +4, (∞ vs ∞: equal, dropped), −0.5 → n = 4, |d| ranks 4, 2, 3, 1, W⁺ = 9.
        double[] a = [Inf, 3, 5, Inf, 2];
        double[] b = [1, 1, 1, Inf, 2.5];

        WilcoxonResult result = PairedTests.WilcoxonSignedRank(a, b);

        Assert.Equal(4, result.NonZero);
        Assert.Equal(9, result.PositiveRankSum);
        Assert.Equal(HandP(9, 4, 0), result.PValue, 12); // z = (9 − 5 − ½)/√7.5
        Assert.Equal(3.5 / Math.Sqrt(7.5), result.Z, 12);

        // A failed run only matters through its rank: any finite value above the others gives the same test.
        WilcoxonResult finite = PairedTests.WilcoxonSignedRank([1e6, 3, 5, Inf, 2], b);
        Assert.Equal(result, finite);
    }

    [Fact]
    public void Wilcoxon_infinity_in_the_second_sample_is_the_largest_negative_difference()
    {
        // d = −∞, +2, +4, −0.5 → ranks 4 (−), 2, 3, 1 (−): W⁺ = 5.
        WilcoxonResult result = PairedTests.WilcoxonSignedRank([1.0, 3, 5, 2], [Inf, 1, 1, 2.5]);

        Assert.Equal(4, result.NonZero);
        Assert.Equal(5, result.PositiveRankSum);
        Assert.Equal(0, result.Z); // centred = 0
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Wilcoxon_two_failures_against_finite_values_tie_for_the_largest_rank()
    {
        // d = +∞, +∞, +1, −2: |d| ranks 3.5, 3.5, 1, 2 → W⁺ = 8; one tie group of 2: Σ(t³ − t) = 6.
        WilcoxonResult result = PairedTests.WilcoxonSignedRank([Inf, Inf, 2, 1], [1.0, 5, 1, 3]);

        Assert.Equal(4, result.NonZero);
        Assert.Equal(8, result.PositiveRankSum);
        Assert.Equal(HandP(8, 4, 6), result.PValue, 12);
    }

    [Fact]
    public void Wilcoxon_rejects_NaN_and_unequal_lengths()
    {
        Assert.Throws<ArgumentException>(() => PairedTests.WilcoxonSignedRank([1.0, double.NaN], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => PairedTests.WilcoxonSignedRank([1.0, 2.0], [double.NaN, 2.0]));
        Assert.Throws<ArgumentException>(() => PairedTests.WilcoxonSignedRank([1.0, 2.0], [1.0]));
    }

    // ---- Sign test ------------------------------------------------------------------------------------------------

    [Fact]
    public void Sign_test_2_wins_18_losses_is_twice_the_binomial_lower_tail()
    {
        // 2·P(X ≤ 2 | n = 20, ½) = 2·(C(20,0) + C(20,1) + C(20,2))/2²⁰ = 2·211/1048576.
        const double expected = 422.0 / 1048576;
        Assert.Equal(4.0245e-4, expected, 8);

        Assert.Equal(expected, PairedTests.SignTest(2, 18), expected * 1e-10);
        Assert.Equal(expected, PairedTests.SignTest(18, 2), expected * 1e-10);
    }

    [Theory]
    [InlineData(0, 5, 2.0 / 32)] // R: binom.test(0, 5) → 0.0625
    [InlineData(1, 9, 22.0 / 1024)] // R: binom.test(1, 10) → 0.02148
    [InlineData(0, 1, 1.0)] // 2·½ = 1
    [InlineData(10, 10, 1.0)] // 2·P(X ≤ 10) > 1 is capped
    [InlineData(3, 4, 1.0)] // 2·P(X ≤ 3 | 7) = 2·64/128 = 1
    [InlineData(0, 0, 1.0)] // no informative pair
    public void Sign_test_matches_hand_computed_binomial_tails(int wins, int losses, double expected)
    {
        Assert.Equal(expected, PairedTests.SignTest(wins, losses), 1e-12);
    }

    [Fact]
    public void Sign_test_rejects_negative_counts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedTests.SignTest(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedTests.SignTest(3, -1));
    }

    // ---- Count ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Count_treats_two_infinities_as_equal_and_one_infinity_as_largest()
    {
        double[] a = [1, 2, Inf, Inf, 5, 3];
        double[] b = [2, 1, Inf, 4, Inf, 3];

        Assert.Equal((Below: 2, Above: 2, Equal: 2), PairedTests.Count(a, b));
    }

    [Fact]
    public void Count_rejects_NaN_and_unequal_lengths()
    {
        Assert.Throws<ArgumentException>(() => PairedTests.Count([double.NaN], [1.0]));
        Assert.Throws<ArgumentException>(() => PairedTests.Count([1.0, 2.0], [1.0]));
    }
}
