using System.Diagnostics;
using System.Globalization;
using AdaHessian.Benchmarks.Kernels;

namespace AdaHessian.Benchmarks.Profiling;

/// <summary>
/// <c>--filter profile --case &lt;name&gt;|list [--seconds S] [--quick] [--perf-control &lt;fifo&gt;]</c>: runs one
/// <see cref="KernelBenchmarks"/> case in a loop for S seconds (default 4) after a one-second warm-up, for a sampling
/// profiler. With <c>--perf-control</c> it writes <c>enable</c> to perf's control FIFO after the warm-up and
/// <c>disable</c> after the loop (<c>perf record -D -1 --control fifo:&lt;fifo&gt;</c>), so the data set-up, JIT
/// compilation and warm-up stay out of the samples.
/// </summary>
internal static class ProfileWorkload
{
    public const double DefaultSeconds = 4;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    /// <summary>Prints the process id (its perf map is /tmp/perf-&lt;pid&gt;.map), runs the case and prints its timing.</summary>
    public static int Run(string? caseName, double seconds, bool quick, string? perfControl, TextWriter output)
    {
        if (caseName is null or "list")
        {
            foreach (ProfileCase c in ProfileCase.All)
            {
                output.WriteLine(c.Name);
            }

            return caseName is null ? 2 : 0;
        }

        ProfileCase? found = ProfileCase.Find(caseName);
        if (found is null || seconds <= 0)
        {
            output.WriteLine(found is null ? $"Unknown case '{caseName}'; --case list shows the cases." : "--seconds must be positive.");
            return 2;
        }

        if (quick)
        {
            KernelBenchmarks.UseQuickShapes();
        }

        output.WriteLine($"pid {Environment.ProcessId}");
        Action iteration = found.Bind(new KernelBenchmarks());
        Loop(iteration, WarmUp);
        Control(perfControl, "enable");
        (long count, TimeSpan elapsed) = Loop(iteration, TimeSpan.FromSeconds(seconds));
        Control(perfControl, "disable");
        string data = found.Layout == Layout.Dense
            ? $"{KernelBenchmarks.DenseShape.Rows} × {KernelBenchmarks.DenseShape.Columns} dense"
            : $"{KernelBenchmarks.SparseShape.Rows} × {KernelBenchmarks.SparseShape.Columns} CSR, {KernelBenchmarks.SparseShape.PerRow} per row";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} iterations in {elapsed.TotalSeconds:F2} s, {elapsed.TotalMicroseconds / count:F1} µs each, data {data}"));
        return 0;
    }

    private static (long Count, TimeSpan Elapsed) Loop(Action iteration, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        do
        {
            iteration();
            count++;
        }
        while (clock.Elapsed < duration);
        return (count, clock.Elapsed);
    }

    private static void Control(string? fifo, string command)
    {
        if (fifo is not null)
        {
            File.AppendAllText(fifo, command + "\n");
        }
    }
}
