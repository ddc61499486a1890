using System.Text.RegularExpressions;

namespace AdaHessian.Suite.Datasets;

/// <summary>Every dataset of the suite in report order, and the subset a <c>--dataset</c> pattern selects.</summary>
internal static class DatasetRegistry
{
    /// <summary>Synthetic, then real tabular and text data, then Fashion-MNIST (in <paramref name="fashionMnist"/>).</summary>
    public static IReadOnlyList<SuiteDataset> All(string? fashionMnist) =>
        [.. SyntheticDatasets.All(), .. RealDatasets.All(), .. FashionMnistDatasets.All(fashionMnist)];

    /// <summary>The datasets whose name matches <paramref name="pattern"/> (a regular expression; null = all).</summary>
    public static IReadOnlyList<SuiteDataset> Select(IReadOnlyList<SuiteDataset> all, string? pattern) =>
        pattern is null ? all : [.. all.Where(d => Regex.IsMatch(d.Name, pattern, RegexOptions.IgnoreCase))];
}
