using AdaHessian.Datasets;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>The raw-pixel rows, on files written here (no dataset needed).</summary>
public sealed class FashionMnistImagesTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("fashion-mnist-test-").FullName;

    [Fact]
    public void LoadPair_keeps_the_two_classes_and_labels_the_positive_one_true()
    {
        // Three 28×28 images with labels 2, 7, 4; pixel value = image index + 1.
        byte[] pixels = Enumerable.Range(0, 3).SelectMany(i => Enumerable.Repeat((byte)(i + 1), FashionMnistImages.PixelCount)).ToArray();
        IdxFile.Write(Path.Combine(_folder, "t10k-images-idx3-ubyte.gz"), IdxFile.Images, [3, 28, 28], pixels);
        IdxFile.Write(Path.Combine(_folder, "t10k-labels-idx1-ubyte.gz"), IdxFile.Labels, [3], [2, 7, 4]);

        var rows = FashionMnistImages.LoadPair(train: false, negativeClass: 2, positiveClass: 4, directory: _folder);

        Assert.Equal([false, true], rows.Select(r => r.Label));
        Assert.All(rows[0].Features, v => Assert.Equal(1f, v));
        Assert.All(rows[1].Features, v => Assert.Equal(3f, v));
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
