using AdaHessian.Datasets;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>
/// Fashion-MNIST (Zalando, MIT licence: 60,000 training and 10,000 test images of 28 × 28 grey pixels in ten
/// classes) as ML.NET rows of raw pixels 0–255, read by the shared reader from where <see cref="FashionMnistLocation"/>
/// looks: <c>FASHION_MNIST_DIR</c> when set, else the Debian package's folder.
/// </summary>
internal static class FashionMnistImages
{
    public const int PixelCount = FashionMnist.PixelCount;

    /// <summary>The class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames => FashionMnist.ClassNames;

    /// <summary>The folder to read.</summary>
    public static string Directory =>
        FashionMnistLocation.Candidate(null, Environment.GetEnvironmentVariable(FashionMnistLocation.DirectoryVariable));

    /// <summary>True when <see cref="Directory"/> holds all four files.</summary>
    public static bool IsAvailable => FashionMnistLocation.HasAll(Directory);

    /// <summary>What to do when the data is missing.</summary>
    public static string MissingReason => $"Fashion-MNIST not found in {Directory}. {FashionMnistLocation.HowToInstall}";

    /// <summary>
    /// Skips the calling <c>[SkippableFact]</c> when the data is missing, naming the package; when the environment
    /// variable CI is "true" a missing dataset fails the test instead.
    /// </summary>
    public static void SkipOrFailWhenMissing()
    {
        if (IsAvailable)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(MissingReason + " (CI=true: the dataset is required.)");
        }

        Skip.If(true, MissingReason);
    }

    /// <summary>
    /// The rows of two classes as a binary problem: Label is true for <paramref name="positiveClass"/>, false for
    /// <paramref name="negativeClass"/>; Features are the raw pixels 0–255.
    /// </summary>
    public static ImageRow[] LoadPair(bool train, int negativeClass, int positiveClass, string? directory = null)
    {
        directory ??= Directory;
        FashionMnist split = train ? FashionMnist.LoadTrain(directory) : FashionMnist.LoadTest(directory);
        int p = split.PixelsPerImage;
        return Enumerable.Range(0, split.Rows)
            .Where(i => split.Labels[i] == negativeClass || split.Labels[i] == positiveClass)
            .Select(i => new ImageRow
            {
                Label = split.Labels[i] == positiveClass,
                Features = split.Images.AsSpan(i * p, p).ToArray().Select(b => (float)b).ToArray(),
            })
            .ToArray();
    }

    /// <summary>One image as an ML.NET row.</summary>
    internal sealed class ImageRow
    {
        public bool Label { get; set; }

        [VectorType(PixelCount)]
        public float[] Features { get; set; } = [];
    }
}
