using System.Buffers.Binary;
using System.IO.Compression;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>The small IDX reader, on files written here (no dataset needed).</summary>
public sealed class FashionMnistTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fashion-mnist-test-").FullName;

    [Fact]
    public void ResolveDirectory_prefers_the_variable_and_falls_back_to_the_package_folder()
    {
        Assert.Equal("/data/fm", FashionMnist.ResolveDirectory("/data/fm"));
        Assert.Equal(FashionMnist.PackageDirectory, FashionMnist.ResolveDirectory(null));
        Assert.Equal(FashionMnist.PackageDirectory, FashionMnist.ResolveDirectory(""));
    }

    [Fact]
    public void LoadPair_keeps_the_two_classes_and_labels_the_positive_one_true()
    {
        // Three 28×28 images with labels 2, 7, 4; pixel value = image index + 1.
        byte[] pixels = Enumerable.Range(0, 3).SelectMany(i => Enumerable.Repeat((byte)(i + 1), FashionMnist.PixelCount)).ToArray();
        Write("t10k-images-idx3-ubyte.gz", 0x803, [3, 28, 28], pixels);
        Write("t10k-labels-idx1-ubyte.gz", 0x801, [3], [2, 7, 4]);

        var rows = FashionMnist.LoadPair(train: false, negativeClass: 2, positiveClass: 4, directory: _folder);

        Assert.Equal([false, true], rows.Select(r => r.Label));
        Assert.All(rows[0].Features, v => Assert.Equal(1f, v));
        Assert.All(rows[1].Features, v => Assert.Equal(3f, v));
    }

    [Fact]
    public void ReadIdx_rejects_a_file_with_another_magic_number()
    {
        Write("bad.gz", 0x802, [1], [0]);

        Assert.Throws<InvalidDataException>(() => FashionMnist.ReadIdx(Path.Combine(_folder, "bad.gz"), 0x801, out _));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, int magic, int[] shape, byte[] data)
    {
        using var gzip = new GZipStream(File.Create(Path.Combine(_folder, name)), CompressionLevel.Fastest);
        Span<byte> word = stackalloc byte[4];
        foreach (int value in new[] { magic }.Concat(shape))
        {
            BinaryPrimitives.WriteInt32BigEndian(word, value);
            gzip.Write(word);
        }

        gzip.Write(data);
    }
}
