using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AdaHessian.Objective;

/// <summary>
/// Span kernels over one float feature row and double parameter vectors. Reductions use explicit 256-bit lanes
/// combined in a fixed order, so the bits of every result are the same whether the CPU runs them as AVX-512, AVX2
/// or in software. (TensorPrimitives.Dot picks its accumulation order from the hardware's vector width.)
/// The dense kernels fuse every multiply-add (one rounding, so the same bits from an FMA instruction or a correctly
/// rounded software fma) and halve their arithmetic. The sparse kernels keep a separate multiply and add: a sparse
/// row's dot product is a short chain of dependent additions, where the longer latency of a fused multiply-add costs
/// more than the instruction it saves (measured). Each kernel spells out its own lane loop instead of sharing a generic
/// one: the loops differ in what they fuse and in how many chains they keep, and those choices fix the bits.
/// </summary>
/// <remarks>
/// These kernels, and the loops of the passes, optimizers and solvers that call them, are marked
/// <see cref="MethodImplOptions.AggressiveOptimization"/>: compiled optimised on their first call instead of starting
/// as unoptimised tier-0 code. A fit is often the only one in its process, and short fits ran mostly at tier 0 —
/// longer still when the runtime's one background compiler was busy with another library's methods (after an
/// SdcaMaximumEntropy fit, the automatic L2 search on wine took 222 ms instead of 45 ms; marked, 49 ms).
/// </remarks>
internal static class RowKernels
{
    /// <summary>Σⱼ xⱼ·wⱼ over a dense row; <paramref name="w"/> must be at least as long as <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<float> x, ReadOnlySpan<double> w)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double wr = ref MemoryMarshal.GetReference(w);
        int n = x.Length;
        int j = 0;
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        for (; j <= n - 8; j += 8)
        {
            (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, (nuint)j));
            acc0 = Vector256.FusedMultiplyAdd(lo, Vector256.LoadUnsafe(ref wr, (nuint)j), acc0);
            acc1 = Vector256.FusedMultiplyAdd(hi, Vector256.LoadUnsafe(ref wr, (nuint)(j + 4)), acc1);
        }

        double sum = HorizontalSum(acc0 + acc1);
        for (; j < n; j++)
        {
            sum = Math.FusedMultiplyAdd(Unsafe.Add(ref xr, j), Unsafe.Add(ref wr, j), sum);
        }

        return sum;
    }

    /// <summary>Both x·w and x·z over a dense row in one read of x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot2(ReadOnlySpan<float> x, ReadOnlySpan<double> w, ReadOnlySpan<double> z, out double xw, out double xz)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double wr = ref MemoryMarshal.GetReference(w);
        ref double zr = ref MemoryMarshal.GetReference(z);
        int n = x.Length;
        int j = 0;
        var w0 = Vector256<double>.Zero;
        var w1 = Vector256<double>.Zero;
        var z0 = Vector256<double>.Zero;
        var z1 = Vector256<double>.Zero;
        for (; j <= n - 8; j += 8)
        {
            (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, (nuint)j));
            w0 = Vector256.FusedMultiplyAdd(lo, Vector256.LoadUnsafe(ref wr, (nuint)j), w0);
            w1 = Vector256.FusedMultiplyAdd(hi, Vector256.LoadUnsafe(ref wr, (nuint)(j + 4)), w1);
            z0 = Vector256.FusedMultiplyAdd(lo, Vector256.LoadUnsafe(ref zr, (nuint)j), z0);
            z1 = Vector256.FusedMultiplyAdd(hi, Vector256.LoadUnsafe(ref zr, (nuint)(j + 4)), z1);
        }

        xw = HorizontalSum(w0 + w1);
        xz = HorizontalSum(z0 + z1);
        for (; j < n; j++)
        {
            double xj = Unsafe.Add(ref xr, j);
            xw = Math.FusedMultiplyAdd(xj, Unsafe.Add(ref wr, j), xw);
            xz = Math.FusedMultiplyAdd(xj, Unsafe.Add(ref zr, j), xz);
        }
    }

    /// <summary>acc += c·x over a dense row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(double c, ReadOnlySpan<float> x, Span<double> acc)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double ar = ref MemoryMarshal.GetReference(acc);
        int n = x.Length;
        int j = 0;
        var cv = Vector256.Create(c);
        for (; j <= n - 8; j += 8)
        {
            (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, (nuint)j));
            Vector256.FusedMultiplyAdd(cv, lo, Vector256.LoadUnsafe(ref ar, (nuint)j)).StoreUnsafe(ref ar, (nuint)j);
            Vector256.FusedMultiplyAdd(cv, hi, Vector256.LoadUnsafe(ref ar, (nuint)(j + 4))).StoreUnsafe(ref ar, (nuint)(j + 4));
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref ar, j) = Math.FusedMultiplyAdd(c, Unsafe.Add(ref xr, j), Unsafe.Add(ref ar, j));
        }
    }

    /// <summary>acc1 += c1·x and acc2 += c2·x over a dense row in one read of x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled2(double c1, double c2, ReadOnlySpan<float> x, Span<double> acc1, Span<double> acc2)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double ar = ref MemoryMarshal.GetReference(acc1);
        ref double br = ref MemoryMarshal.GetReference(acc2);
        int n = x.Length;
        int j = 0;
        var c1v = Vector256.Create(c1);
        var c2v = Vector256.Create(c2);
        for (; j <= n - 8; j += 8)
        {
            (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, (nuint)j));
            Vector256.FusedMultiplyAdd(c1v, lo, Vector256.LoadUnsafe(ref ar, (nuint)j)).StoreUnsafe(ref ar, (nuint)j);
            Vector256.FusedMultiplyAdd(c1v, hi, Vector256.LoadUnsafe(ref ar, (nuint)(j + 4))).StoreUnsafe(ref ar, (nuint)(j + 4));
            Vector256.FusedMultiplyAdd(c2v, lo, Vector256.LoadUnsafe(ref br, (nuint)j)).StoreUnsafe(ref br, (nuint)j);
            Vector256.FusedMultiplyAdd(c2v, hi, Vector256.LoadUnsafe(ref br, (nuint)(j + 4))).StoreUnsafe(ref br, (nuint)(j + 4));
        }

        for (; j < n; j++)
        {
            double xj = Unsafe.Add(ref xr, j);
            Unsafe.Add(ref ar, j) = Math.FusedMultiplyAdd(c1, xj, Unsafe.Add(ref ar, j));
            Unsafe.Add(ref br, j) = Math.FusedMultiplyAdd(c2, xj, Unsafe.Add(ref br, j));
        }
    }

    /// <summary>acc += c·x² (element-wise) over a dense row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledSquares(double c, ReadOnlySpan<float> x, Span<double> acc)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double ar = ref MemoryMarshal.GetReference(acc);
        int n = x.Length;
        int j = 0;
        var cv = Vector256.Create(c);
        for (; j <= n - 8; j += 8)
        {
            (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, (nuint)j));
            Vector256.FusedMultiplyAdd(cv, lo * lo, Vector256.LoadUnsafe(ref ar, (nuint)j)).StoreUnsafe(ref ar, (nuint)j);
            Vector256.FusedMultiplyAdd(cv, hi * hi, Vector256.LoadUnsafe(ref ar, (nuint)(j + 4))).StoreUnsafe(ref ar, (nuint)(j + 4));
        }

        for (; j < n; j++)
        {
            double xj = Unsafe.Add(ref xr, j);
            Unsafe.Add(ref ar, j) = Math.FusedMultiplyAdd(c, xj * xj, Unsafe.Add(ref ar, j));
        }
    }

    /// <summary>
    /// acc1 += c1·x and acc2 += c2·x² (element-wise) over a dense row in one read of x: the gradient and the exact
    /// diagonal, each element rounded as <see cref="AddScaled(double, ReadOnlySpan{float}, Span{double})"/> and
    /// <see cref="AddScaledSquares(double, ReadOnlySpan{float}, Span{double})"/> round it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledAndSquares(double c1, double c2, ReadOnlySpan<float> x, Span<double> acc1, Span<double> acc2)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double ar = ref MemoryMarshal.GetReference(acc1);
        ref double br = ref MemoryMarshal.GetReference(acc2);
        int n = x.Length;
        int j = 0;
        var c1v = Vector256.Create(c1);
        var c2v = Vector256.Create(c2);
        for (; j <= n - 8; j += 8)
        {
            (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, (nuint)j));
            Vector256.FusedMultiplyAdd(c1v, lo, Vector256.LoadUnsafe(ref ar, (nuint)j)).StoreUnsafe(ref ar, (nuint)j);
            Vector256.FusedMultiplyAdd(c1v, hi, Vector256.LoadUnsafe(ref ar, (nuint)(j + 4))).StoreUnsafe(ref ar, (nuint)(j + 4));
            Vector256.FusedMultiplyAdd(c2v, lo * lo, Vector256.LoadUnsafe(ref br, (nuint)j)).StoreUnsafe(ref br, (nuint)j);
            Vector256.FusedMultiplyAdd(c2v, hi * hi, Vector256.LoadUnsafe(ref br, (nuint)(j + 4))).StoreUnsafe(ref br, (nuint)(j + 4));
        }

        for (; j < n; j++)
        {
            double xj = Unsafe.Add(ref xr, j);
            Unsafe.Add(ref ar, j) = Math.FusedMultiplyAdd(c1, xj, Unsafe.Add(ref ar, j));
            Unsafe.Add(ref br, j) = Math.FusedMultiplyAdd(c2, xj * xj, Unsafe.Add(ref br, j));
        }
    }

    /// <summary>Σₖ vₖ·w[iₖ] over a sparse row.</summary>
    /// <remarks>
    /// Even and odd positions go to two sums added at the end: a sparse row's dot product is a chain of dependent
    /// additions, and two chains halve its latency (sparse rows are short, so that latency is most of their cost).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<float> values, ReadOnlySpan<int> indices, ReadOnlySpan<double> w)
    {
        double even = 0, odd = 0;
        int k = 0;
        for (; k + 1 < values.Length; k += 2)
        {
            even += values[k] * w[indices[k]];
            odd += values[k + 1] * w[indices[k + 1]];
        }

        if (k < values.Length)
        {
            even += values[k] * w[indices[k]];
        }

        return even + odd;
    }

    /// <summary>Both x·w and x·z over a sparse row, each in two chains like <see cref="Dot(ReadOnlySpan{float}, ReadOnlySpan{int}, ReadOnlySpan{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot2(ReadOnlySpan<float> values, ReadOnlySpan<int> indices, ReadOnlySpan<double> w,
        ReadOnlySpan<double> z, out double xw, out double xz)
    {
        double w0 = 0, w1 = 0, z0 = 0, z1 = 0;
        int k = 0;
        for (; k + 1 < values.Length; k += 2)
        {
            double v0 = values[k], v1 = values[k + 1];
            int j0 = indices[k], j1 = indices[k + 1];
            w0 += v0 * w[j0];
            z0 += v0 * z[j0];
            w1 += v1 * w[j1];
            z1 += v1 * z[j1];
        }

        if (k < values.Length)
        {
            double v = values[k];
            int j = indices[k];
            w0 += v * w[j];
            z0 += v * z[j];
        }

        xw = w0 + w1;
        xz = z0 + z1;
    }

    /// <summary>acc[iₖ] += c·vₖ over a sparse row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(double c, ReadOnlySpan<float> values, ReadOnlySpan<int> indices, Span<double> acc)
    {
        for (int k = 0; k < values.Length; k++)
        {
            acc[indices[k]] += c * values[k];
        }
    }

    /// <summary>acc1[iₖ] += c1·vₖ and acc2[iₖ] += c2·vₖ over a sparse row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled2(double c1, double c2, ReadOnlySpan<float> values, ReadOnlySpan<int> indices,
        Span<double> acc1, Span<double> acc2)
    {
        for (int k = 0; k < values.Length; k++)
        {
            double v = values[k];
            int j = indices[k];
            acc1[j] += c1 * v;
            acc2[j] += c2 * v;
        }
    }

    /// <summary>acc[iₖ] += c·vₖ² over a sparse row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledSquares(double c, ReadOnlySpan<float> values, ReadOnlySpan<int> indices, Span<double> acc)
    {
        for (int k = 0; k < values.Length; k++)
        {
            double v = values[k];
            acc[indices[k]] += c * (v * v);
        }
    }

    /// <summary>acc1[iₖ] += c1·vₖ and acc2[iₖ] += c2·vₖ² over a sparse row, in one read of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledAndSquares(double c1, double c2, ReadOnlySpan<float> values, ReadOnlySpan<int> indices,
        Span<double> acc1, Span<double> acc2)
    {
        for (int k = 0; k < values.Length; k++)
        {
            double v = values[k];
            int j = indices[k];
            acc1[j] += c1 * v;
            acc2[j] += c2 * (v * v);
        }
    }

    /// <summary>Σⱼ vⱼ², in eight lanes combined in a fixed order (a sequential sum is bound by the addition latency).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumOfSquares(ReadOnlySpan<double> v)
    {
        ref double vr = ref MemoryMarshal.GetReference(v);
        int n = v.Length;
        int j = 0;
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        for (; j <= n - 8; j += 8)
        {
            var lo = Vector256.LoadUnsafe(ref vr, (nuint)j);
            var hi = Vector256.LoadUnsafe(ref vr, (nuint)(j + 4));
            acc0 = Vector256.FusedMultiplyAdd(lo, lo, acc0);
            acc1 = Vector256.FusedMultiplyAdd(hi, hi, acc1);
        }

        double sum = HorizontalSum(acc0 + acc1);
        for (; j < n; j++)
        {
            double vj = Unsafe.Add(ref vr, j);
            sum = Math.FusedMultiplyAdd(vj, vj, sum);
        }

        return sum;
    }

    /// <summary>target ← target·scale + c·source, element-wise (the same bits at any vector width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaleAndAdd(Span<double> target, double scale, double c, ReadOnlySpan<double> source)
    {
        ref double tr = ref MemoryMarshal.GetReference(target);
        ref double sr = ref MemoryMarshal.GetReference(source);
        int n = target.Length;
        int j = 0;
        var scaleV = Vector256.Create(scale);
        var cV = Vector256.Create(c);
        for (; j <= n - 4; j += 4)
        {
            (Vector256.LoadUnsafe(ref tr, (nuint)j) * scaleV + cV * Vector256.LoadUnsafe(ref sr, (nuint)j)).StoreUnsafe(ref tr, (nuint)j);
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref tr, j) = Unsafe.Add(ref tr, j) * scale + c * Unsafe.Add(ref sr, j);
        }
    }

    /// <summary>target ← target·scale + shift, element-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaleAndShift(Span<double> target, double scale, double shift)
    {
        ref double tr = ref MemoryMarshal.GetReference(target);
        int n = target.Length;
        int j = 0;
        var scaleV = Vector256.Create(scale);
        var shiftV = Vector256.Create(shift);
        for (; j <= n - 4; j += 4)
        {
            (Vector256.LoadUnsafe(ref tr, (nuint)j) * scaleV + shiftV).StoreUnsafe(ref tr, (nuint)j);
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref tr, j) = Unsafe.Add(ref tr, j) * scale + shift;
        }
    }

    // Lanes are added left to right so the result does not depend on how the hardware would reduce them.
    private static double HorizontalSum(Vector256<double> v) =>
        ((v.GetElement(0) + v.GetElement(1)) + v.GetElement(2)) + v.GetElement(3);
}
