using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AdaHessian.StreamingProbe;

/// <summary>
/// The streaming benchmark (<c>dotnet cake --target=Streaming</c>): trains on a binary-format file many times the heap
/// limit, streamed, against the same file in memory without a limit, and the sparse reader on dense-first against
/// dense-last rows; every run a child process of this program, so each has its own heap and limit. Writes a markdown
/// report whose verdicts are computed from the runs.
/// </summary>
internal static class StreamingBenchmark
{
    private const int Features = 100, Epochs = 3, TestRows = 200_000, SparseRows = 400_000, SparseWidth = 100_000;
    private const long StreamedLimit = 256L << 20, SparseLimit = 256L << 20;

    public static void Run(string folder, string report, long rows)
    {
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        string train = Path.Combine(folder, $"planted-{rows}x{Features}.idv");
        string test = Path.Combine(folder, $"planted-test-{TestRows}x{Features}.idv");
        Step(clock, $"writing {rows:N0} training rows to {train}", () => Write(train, rows, seed: 1));
        Step(clock, "writing the test rows", () => Write(test, TestRows, seed: 2));
        long fileBytes = new FileInfo(train).Length;

        string buffer = "16", epochs = Epochs.ToString(CultureInfo.InvariantCulture);
        ChildRun memory = Step(clock, "in memory, no heap limit", () => Child(null, "train", train, test, "InMemory", buffer, epochs));
        ChildRun cached = Step(clock, "Automatic under the heap limit, file in the page cache",
            () => Child(StreamedLimit, "train", train, test, "Automatic", buffer, epochs));
        ChildRun cursor = Step(clock, "ML.NET's binary cursor alone, file in the page cache", () => Child(null, "cursor-pass", train));
        bool dropped = DropPageCache();
        ChildRun? disk = dropped
            ? Step(clock, "streamed from disk (page cache dropped)", () => Child(StreamedLimit, "train", train, test, "Streaming", buffer, epochs))
            : null;
        string sparseRows = SparseRows.ToString(CultureInfo.InvariantCulture), width = SparseWidth.ToString(CultureInfo.InvariantCulture);
        ChildRun first = Step(clock, "sparse, dense row first, in memory", () => Child(SparseLimit, "train-sparse", sparseRows, width, "dense-first", "InMemory"));
        ChildRun last = Step(clock, "sparse, dense row last, in memory", () => Child(SparseLimit, "train-sparse", sparseRows, width, "dense-last", "InMemory"));
        ChildRun firstStreamed = Step(clock, "sparse, dense row first, streamed",
            () => Child(SparseLimit, "train-sparse", sparseRows, width, "dense-first", "Streaming"));

        string markdown = StreamingReport.Render(new StreamingReport.Inputs(rows, Features, Epochs, TestRows, fileBytes, StreamedLimit,
            memory, cached, cursor, disk, dropped, SparseRows, SparseWidth, SparseLimit, first, last, firstStreamed, clock.Elapsed));
        string partial = report + ".partial";
        File.WriteAllText(partial, markdown, new UTF8Encoding(false));
        File.Move(partial, report, overwrite: true);
        Console.WriteLine($"wrote {report} after {clock.Elapsed.TotalMinutes:F1} min");
    }

    private static void Write(string path, long rows, int seed)
    {
        if (!File.Exists(path))
        {
            Child(null, "write", path, rows.ToString(CultureInfo.InvariantCulture), Features.ToString(CultureInfo.InvariantCulture),
                seed.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static T Step<T>(Stopwatch clock, string what, Func<T> run)
    {
        Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {what} …");
        return run();
    }

    private static void Step(Stopwatch clock, string what, Action run) => Step(clock, what, () =>
    {
        run();
        return 0;
    });

    // Root may drop the page cache; elsewhere the disk-bound run is left out and the report says so.
    private static bool DropPageCache()
    {
        try
        {
            using (Process.Start("sync")!)
            {
            }

            File.WriteAllText("/proc/sys/vm/drop_caches", "3");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static ChildRun Child(long? heapLimit, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(StreamingBenchmark).Assembly.Location);
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        if (heapLimit is { } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limit.ToString("X", CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? new ChildRun(heapLimit, output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            : throw new InvalidOperationException($"The child `{string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{output}");
    }

    /// <summary>What one child printed.</summary>
    internal sealed record ChildRun(long? HeapLimit, string[] Lines)
    {
        public double Value(string key) => double.Parse(Text(key), CultureInfo.InvariantCulture);

        public double MedianEpochSeconds
        {
            get
            {
                double[] s = [.. Text("epoch-seconds").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).Order()];
                return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
            }
        }

        public bool Streamed => Lines.Any(l => l.Contains("streaming ", StringComparison.Ordinal) && l.StartsWith("loading", StringComparison.Ordinal));

        public bool SwitchedAutomatically => Lines.Any(l => l.Contains("outgrew", StringComparison.Ordinal));

        private string Text(string key) => Lines.Single(l => l.StartsWith(key + " ", StringComparison.Ordinal) || l == key)[key.Length..].Trim();
    }
}
