using AdaHessian.Benchmarks.Data;
using AdaHessian.Datasets;

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

    private void Write(string prefix, byte[][] images, byte[] labels, int imageMagic = IdxFile.Images)
    {
        IdxFile.Write(Path.Combine(_dir, $"{prefix}-images-idx3-ubyte.gz"), imageMagic, [images.Length, 1, images[0].Length],
            images.SelectMany(i => i).ToArray());
        IdxFile.Write(Path.Combine(_dir, $"{prefix}-labels-idx1-ubyte.gz"), IdxFile.Labels, [labels.Length], labels);
    }
}
