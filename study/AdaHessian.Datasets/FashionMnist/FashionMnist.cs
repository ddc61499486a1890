using AdaHessian.Data;

namespace AdaHessian.Datasets;

/// <summary>
/// One split of Fashion-MNIST (Zalando, MIT licence) read from its gzip-compressed IDX files: <see cref="Rows"/>
/// grey images, row-major, in file order, with their class labels 0–9. The real files hold 28 × 28 images; the
/// reader takes the size from the header, so tests can use tiny fixtures in the same format.
/// </summary>
public sealed class FashionMnist
{
    /// <summary>Pixels per image of the real dataset (28 × 28), for ML.NET row types that need it at compile time.</summary>
    public const int PixelCount = 28 * 28;

    /// <summary>The four files of the dataset: training images and labels, then test images and labels.</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
    ];

    /// <summary>The ten class names, indexed by label.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    private FashionMnist(byte[] images, byte[] labels, int pixelsPerImage)
    {
        Images = images;
        Labels = labels;
        PixelsPerImage = pixelsPerImage;
    }

    /// <summary>Rows × <see cref="PixelsPerImage"/> raw pixel values 0–255; image i occupies [P i, P (i + 1)).</summary>
    public byte[] Images { get; }

    /// <summary>The class (0–9) of each image.</summary>
    public byte[] Labels { get; }

    /// <summary>Pixels per image, as the file's header says (784 for the real data).</summary>
    public int PixelsPerImage { get; }

    /// <summary>Number of images.</summary>
    public int Rows => Labels.Length;

    /// <summary>Reads the training images (60,000 in the real data) from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not an IDX file of the expected kind, or the two files disagree.</exception>
    public static FashionMnist LoadTrain(string directory) => Load(directory, Files[0], Files[1]);

    /// <summary>Reads the test images (10,000 in the real data) from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not an IDX file of the expected kind, or the two files disagree.</exception>
    public static FashionMnist LoadTest(string directory) => Load(directory, Files[2], Files[3]);

    /// <summary>Image <paramref name="row"/> with pixels scaled to [0, 1] (byte / 255), as a new array.</summary>
    public float[] Scaled(int row)
    {
        var pixels = new float[PixelsPerImage];
        Scale(Images.AsSpan(row * PixelsPerImage, PixelsPerImage), pixels);
        return pixels;
    }

    /// <summary>
    /// The images of two classes as a binary problem: label 0 for <paramref name="negativeClass"/>, 1 for
    /// <paramref name="positiveClass"/>, pixels scaled to [0, 1] as dense features. With <paramref name="rowLimit"/>,
    /// only the first that many images of the pair (in file order) are kept.
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
        int p = PixelsPerImage;
        var values = new float[selected.Length * p];
        var labels = new float[selected.Length];
        for (int k = 0; k < selected.Length; k++)
        {
            Scale(Images.AsSpan(selected[k] * p, p), values.AsSpan(k * p, p));
            labels[k] = Labels[selected[k]] == positiveClass ? 1f : 0f;
        }

        return new LogisticDataset(FeatureMatrix.Dense(selected.Length, p, values), labels);
    }

    private static void Scale(ReadOnlySpan<byte> raw, Span<float> scaled)
    {
        for (int j = 0; j < raw.Length; j++)
        {
            scaled[j] = raw[j] / 255f;
        }
    }

    private static FashionMnist Load(string directory, string imageFile, string labelFile)
    {
        byte[] images = IdxFile.Read(Path.Combine(directory, imageFile), IdxFile.Images, out int[] imageShape);
        byte[] labels = IdxFile.Read(Path.Combine(directory, labelFile), IdxFile.Labels, out int[] labelShape);
        if (imageShape[0] != labelShape[0])
        {
            throw new InvalidDataException($"{imageFile} holds {imageShape[0]} images but {labelFile} {labelShape[0]} labels.");
        }

        if (labels.Any(l => l > 9))
        {
            throw new InvalidDataException($"{labelFile} holds a label outside 0–9.");
        }

        return new FashionMnist(images, labels, imageShape[1] * imageShape[2]);
    }
}
