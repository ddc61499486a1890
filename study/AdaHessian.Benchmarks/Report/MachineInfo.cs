using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AdaHessian.Benchmarks.Report;

/// <summary>Where and when the benchmarks ran.</summary>
internal sealed record MachineInfo(
    string Cpu,
    int Cores,
    string Os,
    string Runtime,
    string VectorWidth,
    string Date,
    string LoadBefore,
    string LoadAfter,
    double TotalSeconds,
    long MemoryBytes)
{
    /// <summary>The head of a report's machine table: header, CPU, OS/runtime, vector width, date.</summary>
    public void AppendTableHead(System.Text.StringBuilder md)
    {
        md.Append("| | |\n|---|---|\n");
        md.Append($"| Machine | {Cpu}, {Cores} cores, {MemoryBytes / (1L << 30)} GiB |\n");
        md.Append($"| OS / runtime | {Os} / {Runtime} |\n");
        md.Append($"| Vector width | {VectorWidth} |\n");
        md.Append($"| Date | {Date} |\n");
    }

    public static MachineInfo Capture() => new(
        CpuName(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        $"Vector<T> {Vector<byte>.Count * 8} bit; Vector256 {(Vector256.IsHardwareAccelerated ? "accelerated" : "software")}; " +
        $"Vector512 {(Vector512.IsHardwareAccelerated ? "accelerated" : "not accelerated")}",
        DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        LoadAverage(),
        "",
        0,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), else "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]}, {parts[1]}, {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string CpuName()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
