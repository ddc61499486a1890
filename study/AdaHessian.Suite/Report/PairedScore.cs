namespace AdaHessian.Suite.Report;

/// <summary>Two ways of choosing L2 compared on the datasets where both gave a model: A's test log-loss against B's.</summary>
/// <param name="A">The first method's name.</param>
/// <param name="B">The second method's name.</param>
/// <param name="Datasets">Paired datasets.</param>
/// <param name="Better">Datasets where A's test log-loss is below B's × (1 − tolerance).</param>
/// <param name="Worse">Datasets where A's test log-loss is above B's × (1 + tolerance).</param>
/// <param name="MedianRatio">Median of A's test log-loss over B's (NaN without datasets).</param>
/// <param name="SignTestP">Two-sided exact sign test on <paramref name="Better"/> against <paramref name="Worse"/> (changes within the tolerance dropped).</param>
/// <param name="WilcoxonP">Two-sided Wilcoxon signed-rank p-value on the paired log test log-losses.</param>
/// <param name="WilcoxonZ">Its standardised statistic: negative when A's losses tend to be lower.</param>
internal sealed record PairedScore(
    string A,
    string B,
    int Datasets,
    int Better,
    int Worse,
    double MedianRatio,
    double SignTestP,
    double WilcoxonP,
    double WilcoxonZ)
{
    /// <summary>Datasets where the two are within the tolerance of each other.</summary>
    public int Level => Datasets - Better - Worse;
}
