using System.Diagnostics;
using System.Globalization;

namespace AdaHessian.MLNet.Tests.Streaming;

/// <summary>
/// Data larger than the heap: the probe (study/AdaHessian.StreamingProbe) trains in a child process under
/// <c>DOTNET_GCHeapHardLimit</c> on 200,000 generated rows of 100 features — 80 MB of features, more than three
/// times a 24 MiB heap — which the default <see cref="DataLoading.Automatic"/> must stream, and the model must predict
/// as well as the one trained in memory without a limit.
/// </summary>
public sealed class HeapLimitTests
{
    private const string HeapLimit = "0x1800000"; // 24 MiB

    [Fact]
    public void Data_three_times_the_heap_limit_trains_streamed_by_default_as_well_as_in_memory()
    {
        var limited = Probe(HeapLimit, "train-generated", "200000", "100", "Automatic", "1", "2");
        var memory = Probe(null, "train-generated", "200000", "100", "InMemory", "1", "2");

        Assert.Contains(limited.Lines, l => l.Contains("outgrew 6 MiB, a quarter of the 24 MiB available", StringComparison.Ordinal));
        Assert.Contains(limited.Lines, l => l.Contains("streaming 200000 rows", StringComparison.Ordinal));
        Assert.DoesNotContain(memory.Lines, l => l.StartsWith("loading", StringComparison.Ordinal));
        Assert.InRange(limited.Value("peak-managed-bytes"), 1, 24 << 20);
        Assert.InRange(limited.Value("logloss"), 0, memory.Value("logloss") * 1.005);
    }

    // 100,000 rows × 100,000 features, 10 non-zeros a row, the first row dense: reserving rows × width floats at that
    // row would take 37 GiB; the rows themselves take about 8 MB, in memory and streamed.
    [Theory]
    [InlineData("InMemory")]
    [InlineData("Streaming")]
    public void Dense_first_wide_sparse_rows_train_in_a_small_heap(string loading)
    {
        var run = Probe("0x4000000", "train-sparse", "100000", "100000", "dense-first", loading); // 64 MiB

        Assert.InRange(run.Value("peak-managed-bytes"), 1, 64 << 20);
        Assert.InRange(run.Value("logloss"), 0, 0.8); // chance is 1 bit
    }

    private static Output Probe(string? heapLimit, params string[] arguments)
    {
        string probe = Path.Combine(AppContext.BaseDirectory, "AdaHessian.StreamingProbe.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(probe);
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        if (heapLimit is not null)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = heapLimit;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"The probe exited with {process.ExitCode}:\n{output}\n{error.Result}");
        return new Output(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed record Output(string[] Lines)
    {
        public double Value(string key) => double.Parse(Lines.Single(l => l.StartsWith(key + " ", StringComparison.Ordinal))[(key.Length + 1)..],
            CultureInfo.InvariantCulture);
    }
}
