using AdaHessian.Datasets;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Datasets;

/// <summary>Two Fashion-MNIST class pairs, read with the study's IDX reader: the fixed 60k/10k split, 784 pixels.</summary>
internal static class FashionMnistDatasets
{
    /// <summary>The pairs (negative class, positive class), for a folder that may be null when the data is missing.</summary>
    public static IEnumerable<SuiteDataset> All(string? folder)
    {
        string dir = folder ?? FashionMnistLocation.DebianDirectory;
        var train = new Lazy<FashionMnist>(() => FashionMnist.LoadTrain(dir));
        var test = new Lazy<FashionMnist>(() => FashionMnist.LoadTest(dir));
        foreach (var (negative, positive) in new[] { (2, 4), (0, 6) })
        {
            string description = $"Fashion-MNIST {FashionMnist.ClassNames[negative]} ({negative}) vs {FashionMnist.ClassNames[positive]} " +
                $"({positive}, label true), 12,000 train / 2,000 test × 784 pixels / 255; {dir}";
            yield return new SuiteDataset($"fmnist-{negative}v{positive}", description,
                [.. FashionMnist.Files.Select(f => Path.Combine(dir, f))], "dataset-fashion-mnist", Normalize: true,
                () => new DataSplit(train.Value.BinaryDataset(negative, positive), test.Value.BinaryDataset(negative, positive)));
        }
    }
}
