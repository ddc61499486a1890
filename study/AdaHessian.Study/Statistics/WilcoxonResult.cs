namespace AdaHessian.Study.Statistics;

/// <summary>The outcome of a two-sided Wilcoxon signed-rank test on paired samples (a, b).</summary>
/// <param name="NonZero">Pairs with a ≠ b (the others are dropped before ranking).</param>
/// <param name="PositiveRankSum">W⁺: the sum of the ranks of |a − b| over pairs with a &gt; b.</param>
/// <param name="Z">The standardised statistic, with tie and continuity corrections (0 when no pair differs).</param>
/// <param name="PValue">Two-sided p-value from the normal approximation, 2Φ(−|Z|) (1 when no pair differs).</param>
internal sealed record WilcoxonResult(int NonZero, double PositiveRankSum, double Z, double PValue);
