using System.Globalization;
using System.Text.RegularExpressions;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Datasets;
using AdaHessian.Suite.Loaders;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>The public multiclass tabular datasets that Debian packages ship (scikit-learn's and Weka's copies), smallest first.</summary>
internal static class MulticlassSuiteDatasets
{
    private const string Sklearn = "python3-sklearn";
    private const string Weka = "weka";

    // Declared before All, whose loaders read it.
    private static readonly string[] Digits = [.. Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Every dataset, in report order.</summary>
    public static IReadOnlyList<MulticlassSuiteDataset> All { get; } =
    [
        Whole("iris", "Fisher's iris (scikit-learn's copy)", Path.Combine(DebianFiles.Sklearn, "iris.csv"), Sklearn, SklearnCsvReader.Read),
        Whole("wine", "UCI wine recognition (scikit-learn's copy)", Path.Combine(DebianFiles.Sklearn, "wine_data.csv"), Sklearn,
            SklearnCsvReader.Read),
        Whole("glass", "UCI glass identification (Weka's copy), every declared class kept", Path.Combine(DebianFiles.Weka, "glass.arff"), Weka,
            MulticlassArffReader.Read),
        Whole("soybean", "UCI large soybean (Weka's copy), 35 nominal attributes one-hot, '?' = all zeros",
            Path.Combine(DebianFiles.Weka, "soybean.arff"), Weka, MulticlassArffReader.Read),
        Whole("digits", "UCI optical handwritten digits, 8 × 8 pixel counts 0–16 (scikit-learn's copy, gzip)",
            Path.Combine(DebianFiles.Sklearn, "digits.csv.gz"), Sklearn, r => MulticlassCsvReader.Read(r, Digits)),
        Segment(),
    ];

    /// <summary>The datasets whose name matches <paramref name="pattern"/> (a case-insensitive regular expression; null = all).</summary>
    public static IReadOnlyList<MulticlassSuiteDataset> Select(IReadOnlyList<MulticlassSuiteDataset> all, string? pattern) =>
        pattern is null ? all : [.. all.Where(d => Regex.IsMatch(d.Name, pattern, RegexOptions.IgnoreCase))];

    private static MulticlassSuiteDataset Whole(string name, string source, string path, string package, Func<TextReader, MulticlassRows> read) =>
        new(name, $"{source}; {path}", [path], package, FixedSplit: false, () => StratifiedSplit.Split(Read(path, read)));

    // Weka ships image segmentation split in two files; the test file must declare the same classes and attributes.
    private static MulticlassSuiteDataset Segment()
    {
        string train = Path.Combine(DebianFiles.Weka, "segment-challenge.arff");
        string test = Path.Combine(DebianFiles.Weka, "segment-test.arff");
        return new MulticlassSuiteDataset("segment", $"UCI image segmentation (Weka's copy), fixed split {train}, {test}", [train, test], Weka,
            FixedSplit: true, () =>
            {
                MulticlassRows trainRows = Read(train, MulticlassArffReader.Read), testRows = Read(test, MulticlassArffReader.Read);
                if (!trainRows.Classes.SequenceEqual(testRows.Classes) || trainRows.FeatureCount != testRows.FeatureCount)
                {
                    throw new InvalidDataException($"{test} declares other classes or attributes than {train}.");
                }

                return new MulticlassSplit(trainRows, testRows);
            });
    }

    private static MulticlassRows Read(string path, Func<TextReader, MulticlassRows> read)
    {
        using TextReader reader = CompressedText.Open(path);
        return read(reader);
    }
}
