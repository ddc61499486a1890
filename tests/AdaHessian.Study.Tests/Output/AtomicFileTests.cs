using AdaHessian.Study.Output;

namespace AdaHessian.Study.Tests.Output;

public class AtomicFileTests
{
    [Fact]
    public void WriteAllText_creates_the_file_and_leaves_no_temporary_file()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "out.txt");

        AtomicFile.WriteAllText(path, "one\ntwo\n");

        Assert.Equal("one\ntwo\n", File.ReadAllText(path));
        Assert.Equal([path], directory.Entries());
    }

    [Fact]
    public void WriteAllText_replaces_an_existing_file()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "out.txt");
        File.WriteAllText(path, "old contents that are longer than the new ones");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], directory.Entries());
    }

    [Fact]
    public void WriteAllText_writes_UTF8_without_a_byte_order_mark()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "out.txt");

        AtomicFile.WriteAllText(path, "κ");

        Assert.Equal(new byte[] { 0xCE, 0xBA }, File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_creates_missing_directories()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "a", "b", "out.csv");

        AtomicFile.WriteAllText(path, "x");

        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public void Write_hands_the_writer_a_different_path_in_the_same_directory_with_the_same_extension()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "figure.png");
        string? seen = null;

        AtomicFile.Write(path, temp =>
        {
            seen = temp;
            Assert.False(File.Exists(path)); // nothing visible under the final name while writing
            File.WriteAllText(temp, "data");
        });

        Assert.NotNull(seen);
        Assert.NotEqual(Path.GetFullPath(path), Path.GetFullPath(seen));
        Assert.Equal(directory.Path, Path.GetDirectoryName(seen));
        Assert.Equal(".png", Path.GetExtension(seen));
        Assert.Equal("data", File.ReadAllText(path));
        Assert.Equal([path], directory.Entries());
    }

    [Fact]
    public void A_throwing_writer_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "out.txt");
        File.WriteAllText(path, "old");

        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, temp =>
        {
            File.WriteAllText(temp, "half a fi");
            throw new InvalidOperationException("writer failed");
        }));

        Assert.Equal("writer failed", error.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], directory.Entries());
    }

    [Fact]
    public void A_writer_throwing_before_creating_anything_leaves_no_file()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "out.txt");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, _ => throw new IOException("disk full")));

        Assert.Empty(directory.Entries());
    }
}
