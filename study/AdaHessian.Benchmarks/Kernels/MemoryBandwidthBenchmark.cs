using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace AdaHessian.Benchmarks.Kernels;

/// <summary>
/// The machine's memory-read bandwidth: a plain vectorised float sum over an array far larger than the caches,
/// on one thread and on every core (each core summing its own contiguous half).
/// </summary>
[MemoryDiagnoser]
public class MemoryBandwidthBenchmark
{
    /// <summary>Bytes summed per operation.</summary>
    public const long Bytes = 512L << 20;

    private float[] _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new float[Bytes / sizeof(float)];
        for (int i = 0; i < _data.Length; i++)
        {
            _data[i] = i & 7;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _data = null!;

    [Benchmark(Description = "sum, 1 thread")]
    public float SumOneThread() => Sum(_data);

    [Benchmark(Description = "sum, all cores")]
    public float SumAllCores()
    {
        int parts = Environment.ProcessorCount;
        var partial = new float[parts];
        Parallel.For(0, parts, c =>
        {
            long start = _data.LongLength * c / parts, end = _data.LongLength * (c + 1) / parts;
            partial[c] = Sum(_data.AsSpan((int)start, (int)(end - start)));
        });
        return partial.Sum();
    }

    private static float Sum(ReadOnlySpan<float> x)
    {
        ref float r = ref MemoryMarshal.GetReference(x);
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        int j = 0;
        for (; j <= x.Length - 32; j += 32)
        {
            a0 += Vector256.LoadUnsafe(ref r, (nuint)j);
            a1 += Vector256.LoadUnsafe(ref r, (nuint)(j + 8));
            a2 += Vector256.LoadUnsafe(ref r, (nuint)(j + 16));
            a3 += Vector256.LoadUnsafe(ref r, (nuint)(j + 24));
        }

        float sum = Vector256.Sum((a0 + a1) + (a2 + a3));
        for (; j < x.Length; j++)
        {
            sum += x[j];
        }

        return sum;
    }
}
