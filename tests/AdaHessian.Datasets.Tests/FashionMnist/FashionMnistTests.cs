namespace AdaHessian.Datasets.Tests.FashionMnist;

/// <summary>The IDX reader and the locator, on tiny files written here (no dataset needed).</summary>
public sealed class FashionMnistTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fashion-mnist-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Candidate_prefers_the_explicit_folder_then_the_variable_then_the_package_folder()
    {
        Assert.Equal("/data/fm", FashionMnistLocation.Candidate(null, "/data/fm"));
        Assert.Equal(FashionMnistLocation.DebianDirectory, FashionMnistLocation.Candidate(null, null));
        Assert.Equal(FashionMnistLocation.DebianDirectory, FashionMnistLocation.Candidate(null, ""));
        Assert.Equal("/mine", FashionMnistLocation.Candidate("/mine", "/data/fm"));
    }

    [Fact]
    public void Resolve_refuses_a_named_folder_without_the_files_and_says_how_to_get_them()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => FashionMnistLocation.Resolve(_folder));
        Assert.Contains(FashionMnistLocation.Package, e.Message);
        Assert.Contains(_folder, e.Message);
    }

    [Fact]
    public void Resolve_accepts_a_named_folder_with_the_four_files()
    {
        WriteSplit("train", [[1, 2, 3, 4]], [0]);
        WriteSplit("t10k", [[1, 2, 3, 4]], [0]);

        Assert.Equal(_folder, FashionMnistLocation.Resolve(_folder));
    }

    [Fact]
    public void ReadIdx_rejects_a_file_with_another_magic_number()
    {
        IdxFile.Write(Path.Combine(_folder, "bad.gz"), 0x802, [1], [0]);

        Assert.Throws<InvalidDataException>(() => IdxFile.Read(Path.Combine(_folder, "bad.gz"), IdxFile.Labels, out _));
    }

    [Fact]
    public void ReadIdx_rejects_a_file_shorter_than_its_header_says()
    {
        // A label file whose header promises five labels but holds one.
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(Path.Combine(_folder, "cut.gz")),
                   System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write([0, 0, 8, 1, 0, 0, 0, 5, 1]);
        }

        Assert.Throws<InvalidDataException>(() => IdxFile.Read(Path.Combine(_folder, "cut.gz"), IdxFile.Labels, out _));
    }

    [Fact]
    public void A_missing_file_names_its_path_and_the_package()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Datasets.FashionMnist.LoadTrain(_folder));

        Assert.Equal(Path.Combine(_folder, "train-images-idx3-ubyte.gz"), e.FileName);
        Assert.Contains(FashionMnistLocation.Package, e.Message);
    }

    [Fact]
    public void BinaryDataset_keeps_the_pair_in_file_order_scaled_to_unit_range()
    {
        // Four 1×2 images labelled 2, 7, 4, 2; the pair (2, 4) keeps images 0, 2 and 3.
        WriteSplit("train", [[0, 255], [9, 9], [51, 102], [1, 1]], [2, 7, 4, 2]);

        Datasets.FashionMnist split = Datasets.FashionMnist.LoadTrain(_folder);
        var pair = split.BinaryDataset(negativeClass: 2, positiveClass: 4);
        var limited = split.BinaryDataset(negativeClass: 2, positiveClass: 4, rowLimit: 2);

        Assert.Equal((4, 2), (split.Rows, split.PixelsPerImage));
        Assert.Equal(new[] { 0f, 1f, 0.2f, 0.4f, 1 / 255f, 1 / 255f }, pair.Features.ToDenseArray());
        Assert.Equal(new[] { 0f, 1f, 0f }, pair.Labels);
        Assert.Equal(2, limited.RowCount);
        Assert.Equal(new[] { 51 / 255f, 102 / 255f }, split.Scaled(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => split.BinaryDataset(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => split.BinaryDataset(2, 4, rowLimit: 0));
    }

    [Fact]
    public void Files_that_disagree_or_hold_a_label_above_9_are_rejected()
    {
        WriteSplit("train", [[1], [2]], [1]);
        Assert.Throws<InvalidDataException>(() => Datasets.FashionMnist.LoadTrain(_folder));

        WriteSplit("t10k", [[1]], [10]);
        Assert.Throws<InvalidDataException>(() => Datasets.FashionMnist.LoadTest(_folder));
    }

    private void WriteSplit(string prefix, byte[][] images, byte[] labels)
    {
        IdxFile.Write(Path.Combine(_folder, $"{prefix}-images-idx3-ubyte.gz"), IdxFile.Images, [images.Length, 1, images[0].Length],
            images.SelectMany(i => i).ToArray());
        IdxFile.Write(Path.Combine(_folder, $"{prefix}-labels-idx1-ubyte.gz"), IdxFile.Labels, [labels.Length], labels);
    }
}
