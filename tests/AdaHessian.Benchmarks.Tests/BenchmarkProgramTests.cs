namespace AdaHessian.Benchmarks.Tests;

// Runs only paths that need neither BenchmarkDotNet nor data: the missing-data refusal, a filter that selects
// nothing (the report is still written), and the Fashion-MNIST folder handed to the loader.
public sealed class BenchmarkProgramTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("adahessian-bench-tests").FullName;
    private readonly string? _savedEnvironment = Environment.GetEnvironmentVariable("FASHION_MNIST_DIR");

    public BenchmarkProgramTests() => Environment.SetEnvironmentVariable("FASHION_MNIST_DIR", null);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("FASHION_MNIST_DIR", _savedEnvironment);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void WithoutFashionMnistItRefusesAndWritesNothing()
    {
        string output = Path.Combine(_dir, "perf.md");
        Assert.Equal(2, BenchmarkProgram.Run(["--output", output, "--filter", "e2e"]));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void OutputRepeatsAndQuickReachTheWrittenReport()
    {
        string output = Path.Combine(_dir, "nested", "perf.md");
        Assert.Equal(0, BenchmarkProgram.Run(["--fashion-mnist", _dir, "--filter", "none", "--output", output, "--repeats", "7"]));
        string md = File.ReadAllText(output);
        Assert.StartsWith("# Performance\n", md);
        Assert.Contains("median of 7 runs", md);
        Assert.DoesNotContain("--quick", md);
        Assert.False(File.Exists(output + ".tmp"));

        // --quick defaults to one repeat and is stated; the environment variable stands in for --fashion-mnist.
        Environment.SetEnvironmentVariable("FASHION_MNIST_DIR", _dir);
        Assert.Equal(0, BenchmarkProgram.Run(["--quick", "--filter", "none", "--output", output]));
        md = File.ReadAllText(output);
        Assert.Contains("**--quick: reduced sizes**", md);
        Assert.Contains("median of 1 runs", md);
    }

    [Fact]
    public void FashionMnistFolderIsWhereTheEndToEndRunLooks()
    {
        string folder = Path.Combine(_dir, "fm");
        Directory.CreateDirectory(folder);
        var e = Assert.Throws<FileNotFoundException>(() =>
            BenchmarkProgram.Run(["--filter", "e2e", "--fashion-mnist", folder, "--output", Path.Combine(_dir, "x.md")]));
        Assert.Equal(Path.Combine(folder, "train-images-idx3-ubyte.gz"), e.FileName);
        Assert.False(File.Exists(Path.Combine(_dir, "x.md")));

        // The conditioning-only filter reads the same pair.
        e = Assert.Throws<FileNotFoundException>(() =>
            BenchmarkProgram.Run(["--filter", "conditioning", "--fashion-mnist", folder, "--output", Path.Combine(_dir, "x.md")]));
        Assert.Equal(Path.Combine(folder, "train-images-idx3-ubyte.gz"), e.FileName);
    }
}
