using System.Buffers.Binary;
using System.IO.Compression;
using AdaHessian.Benchmarks.Data;

namespace AdaHessian.Benchmarks.Tests;

public sealed class FashionMnistPairTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("adahessian-idx-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void KeepsPulloverAndCoatOnlyWithPixelsScaledToUnitRange()
    {
        // Four 1×2 images labelled 2 (Pullover), 7, 4 (Coat), 0; only the first and third are kept.
        byte[][] images = [[0, 255], [9, 9], [51, 102], [1, 1]];
        Write("train", images, [2, 7, 4, 0]);
        Write("t10k", [[255, 0]], [4]);

        var (train, test) = FashionMnistPair.Load(_dir);

        Assert.Equal(2, train.Rows);
        Assert.Equal(2, train.Columns);
        Assert.False(train.IsSparse);
        Assert.Equal(new[] { 0f, 1f, 0.2f, 0.4f }, train.Values);
        Assert.Equal(new[] { 0f, 1f }, train.Labels);
        Assert.Equal(new[] { 1f, 0f }, test.Values);
        Assert.Equal(new[] { 1f }, test.Labels);
    }

    [Fact]
    public void RejectsFilesWithoutTheIdxMagic()
    {
        Write("train", [[1]], [2], imageMagic: 0x801);
        Write("t10k", [[1]], [2]);
        Assert.Throws<InvalidDataException>(() => FashionMnistPair.Load(_dir));
    }

    private void Write(string prefix, byte[][] images, byte[] labels, int imageMagic = 0x803)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, imageMagic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), images.Length);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 1);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), images[0].Length);
        Gzip($"{prefix}-images-idx3-ubyte.gz", [.. header, .. images.SelectMany(i => i)]);

        var labelHeader = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(labelHeader, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(labelHeader.AsSpan(4), labels.Length);
        Gzip($"{prefix}-labels-idx1-ubyte.gz", [.. labelHeader, .. labels]);
    }

    private void Gzip(string name, byte[] bytes)
    {
        using var gz = new GZipStream(File.Create(Path.Combine(_dir, name)), CompressionLevel.Fastest);
        gz.Write(bytes);
    }
}
