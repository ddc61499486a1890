using AdaHessian.Suite.Data;
using AdaHessian.Suite.Loaders;

namespace AdaHessian.Suite.Datasets;

/// <summary>The public tabular and text datasets read from files that Debian packages ship.</summary>
internal static class RealDatasets
{
    /// <summary>The datasets, smallest first; a seeded 70/30 split unless the files come split.</summary>
    public static IEnumerable<SuiteDataset> All()
    {
        yield return Tabular("heart-scale", "Statlog heart (LIBSVM format), label +1", DebianFiles.Liblinear, "heart_scale", "liblinear-tools",
            LibSvmReader.Read);
        yield return Tabular("ionosphere", "UCI ionosphere, label 'g'", DebianFiles.Weka, "ionosphere.arff", "weka",
            r => ArffReader.Read(r, "g"));
        yield return Tabular("breast-cancer", "WDBC breast cancer, label malignant (0 in the file)", DebianFiles.Sklearn, "breast_cancer.csv",
            "python3-sklearn", r => CsvReader.Read(r, 1, -1, y => y == 0));
        yield return Tabular("diabetes", "Pima diabetes, label tested_positive", DebianFiles.Weka, "diabetes.arff", "weka",
            r => ArffReader.Read(r, "tested_positive"));
        yield return Tabular("credit-g", "German credit (nominal one-hot), label bad", DebianFiles.Weka, "credit-g.arff", "weka",
            r => ArffReader.Read(r, "bad"));
        yield return Reuters("Corn");
        yield return Reuters("Grain");
        yield return Tabular("supermarket", "Weka supermarket baskets (216 binary), label total = high", DebianFiles.Weka, "supermarket.arff",
            "weka", r => ArffReader.Read(r, "high"));
        yield return Tabular("fair", "Fair's affairs (statsmodels), label affairs > 0", Path.Combine(DebianFiles.Statsmodels, "fair"), "fair.csv",
            "python3-statsmodels", r => CsvReader.Read(r, 1, -1, y => y > 0));
    }

    private static SuiteDataset Tabular(string name, string source, string folder, string file, string package,
        Func<TextReader, List<LabelledRow>> read)
    {
        string path = Path.Combine(folder, file);
        return new SuiteDataset(name, $"{source}; {path}", [path], package, Normalize: true, () =>
        {
            using var reader = File.OpenText(path);
            return SeededSplit.Split(read(reader));
        });
    }

    // Weka ships Reuters with a fixed ModApte train/test split; the vocabulary comes from the training file.
    private static SuiteDataset Reuters(string topic)
    {
        string train = Path.Combine(DebianFiles.Weka, $"Reuters{topic}-train.arff");
        string test = Path.Combine(DebianFiles.Weka, $"Reuters{topic}-test.arff");
        return new SuiteDataset($"reuters-{topic.ToLowerInvariant()}",
            $"Reuters-21578 {topic} (binary bag of words, words in ≥ {BagOfWords.MinimumDocumentFrequency} training documents), " +
            $"label = topic {topic.ToLowerInvariant()}; fixed split {train}, {test}", [train, test], "weka", Normalize: true, () =>
            {
                var trainDocuments = Read(train);
                var words = BagOfWords.Fit(trainDocuments);
                return new DataSplit(words.Transform(trainDocuments), words.Transform(Read(test)));
            });
    }

    private static List<TextDocument> Read(string path)
    {
        using var reader = File.OpenText(path);
        return ReutersReader.Read(reader);
    }
}
