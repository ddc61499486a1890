using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>
/// Reads Fashion-MNIST (Zalando, MIT licence: 60,000 training and 10,000 test images of 28 × 28 grey pixels in ten
/// classes) from its four IDX gzip files, as the Debian package <see cref="Package"/> installs them.
/// </summary>
internal static class FashionMnist
{
    public const string Package = "dataset-fashion-mnist";
    public const string PackageDirectory = "/usr/share/datasets/fashion-mnist";
    public const string DirectoryVariable = "FASHION_MNIST_DIR";
    public const int PixelCount = 28 * 28;

    private static readonly string[] Files =
    [
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
    ];

    /// <summary>The class names, by label.</summary>
    public static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The folder to read: <c>FASHION_MNIST_DIR</c> when set, else the package's folder.</summary>
    public static string Directory => ResolveDirectory(Environment.GetEnvironmentVariable(DirectoryVariable));

    /// <summary>The folder named by the variable's value, or the package's folder when it is unset or empty.</summary>
    public static string ResolveDirectory(string? variable) => string.IsNullOrEmpty(variable) ? PackageDirectory : variable;

    /// <summary>True when <see cref="Directory"/> holds all four files.</summary>
    public static bool IsAvailable => Files.All(f => File.Exists(Path.Combine(Directory, f)));

    /// <summary>What to do when the data is missing.</summary>
    public static string MissingReason =>
        $"Fashion-MNIST not found in {Directory}: install the Debian package {Package} (apt-get install {Package}) " +
        $"or set {DirectoryVariable} to a folder with {string.Join(", ", Files)}.";

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
        var (images, labels) = Load(train, directory);
        var rows = new List<ImageRow>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == negativeClass || labels[i] == positiveClass)
            {
                var pixels = new float[PixelCount];
                for (int j = 0; j < PixelCount; j++)
                {
                    pixels[j] = images[(i * PixelCount) + j];
                }

                rows.Add(new ImageRow { Label = labels[i] == positiveClass, Features = pixels });
            }
        }

        return [.. rows];
    }

    /// <summary>All images (row-major, <see cref="PixelCount"/> bytes each) and labels of one split.</summary>
    public static (byte[] Images, byte[] Labels) Load(bool train, string? directory = null)
    {
        string prefix = train ? "train" : "t10k";
        directory ??= Directory;
        byte[] images = ReadIdx(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"), 0x803, out var imageShape);
        byte[] labels = ReadIdx(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"), 0x801, out var labelShape);
        if (imageShape[0] != labelShape[0] || imageShape[1] * imageShape[2] != PixelCount)
        {
            throw new InvalidDataException($"Fashion-MNIST {prefix}: {imageShape[0]} images of {imageShape[1]}×{imageShape[2]} and {labelShape[0]} labels.");
        }

        return (images, labels);
    }

    // IDX: big-endian magic (0x08 = unsigned byte, then the number of dimensions), the dimensions, then the bytes.
    internal static byte[] ReadIdx(string path, int magic, out int[] shape)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        Span<byte> word = stackalloc byte[4];
        stream.ReadExactly(word);
        if (BinaryPrimitives.ReadInt32BigEndian(word) != magic)
        {
            throw new InvalidDataException($"{path} is not an IDX file of unsigned bytes with {magic & 0xFF} dimensions.");
        }

        shape = new int[magic & 0xFF];
        long size = 1;
        for (int k = 0; k < shape.Length; k++)
        {
            stream.ReadExactly(word);
            shape[k] = BinaryPrimitives.ReadInt32BigEndian(word);
            size *= shape[k];
        }

        var data = new byte[size];
        stream.ReadExactly(data);
        return data;
    }

    /// <summary>One image as an ML.NET row.</summary>
    internal sealed class ImageRow
    {
        public bool Label { get; set; }

        [VectorType(PixelCount)]
        public float[] Features { get; set; } = [];
    }
}
