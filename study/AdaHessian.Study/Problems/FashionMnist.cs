using System.Buffers.Binary;
using System.IO.Compression;
using AdaHessian.Data;

namespace AdaHessian.Study.Problems;

/// <summary>
/// One split of Fashion-MNIST read from its gzip-compressed IDX files: <see cref="Rows"/> images of 28 × 28 grey
/// pixels scaled to [0, 1] (byte / 255), row-major, in file order, with their class labels 0–9.
/// </summary>
internal sealed class FashionMnist
{
    /// <summary>Pixels per image (28 × 28).</summary>
    public const int PixelCount = 28 * 28;

    /// <summary>The ten class names, indexed by label.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    private FashionMnist(float[] pixels, byte[] labels)
    {
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>Rows × 784 pixel values in [0, 1]; image i occupies [784 i, 784 (i + 1)).</summary>
    public float[] Pixels { get; }

    /// <summary>The class (0–9) of each image.</summary>
    public byte[] Labels { get; }

    /// <summary>Number of images.</summary>
    public int Rows => Labels.Length;

    /// <summary>Reads the 60,000 training images from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not a Fashion-MNIST IDX file, or the two files disagree.</exception>
    public static FashionMnist LoadTrain(string directory) =>
        Load(directory, "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");

    /// <summary>Reads the 10,000 test images from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not a Fashion-MNIST IDX file, or the two files disagree.</exception>
    public static FashionMnist LoadTest(string directory) =>
        Load(directory, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /// <summary>
    /// The images of two classes as a binary problem: label 0 for <paramref name="negativeClass"/>, 1 for
    /// <paramref name="positiveClass"/>, 784 dense features. With <paramref name="rowLimit"/>, only the first that
    /// many images of the pair (in file order) are kept. The pixels are copied.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A class is not in 0–9, the classes are equal, or the limit is below 1.</exception>
    public LogisticDataset BinaryDataset(int negativeClass, int positiveClass, int? rowLimit = null)
    {
        if ((uint)negativeClass > 9 || (uint)positiveClass > 9 || positiveClass == negativeClass)
        {
            throw new ArgumentOutOfRangeException((uint)negativeClass > 9 ? nameof(negativeClass) : nameof(positiveClass),
                $"Classes must be two different labels in 0–9; got {negativeClass} and {positiveClass}.");
        }

        if (rowLimit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rowLimit), rowLimit, "Must be ≥ 1 (or null for all rows).");
        }

        int[] selected = Enumerable.Range(0, Rows)
            .Where(i => Labels[i] == negativeClass || Labels[i] == positiveClass)
            .Take(rowLimit ?? int.MaxValue)
            .ToArray();
        var values = new float[selected.Length * PixelCount];
        var labels = new float[selected.Length];
        for (int k = 0; k < selected.Length; k++)
        {
            Pixels.AsSpan(selected[k] * PixelCount, PixelCount).CopyTo(values.AsSpan(k * PixelCount));
            labels[k] = Labels[selected[k]] == positiveClass ? 1f : 0f;
        }

        return new LogisticDataset(FeatureMatrix.Dense(selected.Length, PixelCount, values), labels);
    }

    private static FashionMnist Load(string directory, string imageFile, string labelFile)
    {
        byte[] images = ReadIdx(Path.Combine(directory, imageFile), 0x0803, [-1, 28, 28]);
        byte[] labels = ReadIdx(Path.Combine(directory, labelFile), 0x0801, [-1]);
        if (images.Length != labels.Length * PixelCount)
        {
            throw new InvalidDataException($"{imageFile} holds {images.Length / PixelCount} images but {labelFile} {labels.Length} labels.");
        }

        if (labels.Any(l => l > 9))
        {
            throw new InvalidDataException($"{labelFile} holds a label outside 0–9.");
        }

        var pixels = new float[images.Length];
        for (int k = 0; k < images.Length; k++)
        {
            pixels[k] = images[k] / 255f;
        }

        return new FashionMnist(pixels, labels);
    }

    // IDX: big-endian magic (0x08 = unsigned byte, then the number of dimensions), the dimensions, then the bytes.
    private static byte[] ReadIdx(string path, int magic, int[] shape)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[4 * (shape.Length + 1)];
        gzip.ReadExactly(header);
        if (BinaryPrimitives.ReadInt32BigEndian(header) != magic)
        {
            throw new InvalidDataException($"{path} is not an IDX file of {shape.Length}-dimensional unsigned bytes.");
        }

        long length = 1;
        for (int k = 0; k < shape.Length; k++)
        {
            int size = BinaryPrimitives.ReadInt32BigEndian(header[(4 * k + 4)..]);
            if (size < 0 || (shape[k] >= 0 && size != shape[k]))
            {
                throw new InvalidDataException($"{path}: dimension {k} is {size}, expected {(shape[k] >= 0 ? shape[k] : "≥ 0")}.");
            }

            length *= size;
        }

        var data = new byte[length];
        try
        {
            gzip.ReadExactly(data);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} ends before its {length} data bytes.", e);
        }

        return data;
    }
}
