using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AdaHessian.Objective;

/// <summary>
/// Span kernels over one float feature row and double parameter vectors. Reductions use explicit 256-bit lanes
/// combined in a fixed order, so the bits of every result are the same whether the CPU runs them as AVX-512, AVX2
/// or in software. (TensorPrimitives.Dot picks its accumulation order from the hardware's vector width.)
/// </summary>
internal static class RowKernels
{
    /// <summary>Σⱼ xⱼ·wⱼ over a dense row; <paramref name="w"/> must be at least as long as <paramref name="x"/>.</summary>
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
            acc0 += lo * Vector256.LoadUnsafe(ref wr, (nuint)j);
            acc1 += hi * Vector256.LoadUnsafe(ref wr, (nuint)(j + 4));
        }

        double sum = HorizontalSum(acc0 + acc1);
        for (; j < n; j++)
        {
            sum += Unsafe.Add(ref xr, j) * Unsafe.Add(ref wr, j);
        }

        return sum;
    }

    /// <summary>Both x·w and x·z over a dense row in one read of x.</summary>
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
            w0 += lo * Vector256.LoadUnsafe(ref wr, (nuint)j);
            w1 += hi * Vector256.LoadUnsafe(ref wr, (nuint)(j + 4));
            z0 += lo * Vector256.LoadUnsafe(ref zr, (nuint)j);
            z1 += hi * Vector256.LoadUnsafe(ref zr, (nuint)(j + 4));
        }

        xw = HorizontalSum(w0 + w1);
        xz = HorizontalSum(z0 + z1);
        for (; j < n; j++)
        {
            double xj = Unsafe.Add(ref xr, j);
            xw += xj * Unsafe.Add(ref wr, j);
            xz += xj * Unsafe.Add(ref zr, j);
        }
    }

    /// <summary>acc += c·x over a dense row.</summary>
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
            (Vector256.LoadUnsafe(ref ar, (nuint)j) + cv * lo).StoreUnsafe(ref ar, (nuint)j);
            (Vector256.LoadUnsafe(ref ar, (nuint)(j + 4)) + cv * hi).StoreUnsafe(ref ar, (nuint)(j + 4));
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref ar, j) += c * Unsafe.Add(ref xr, j);
        }
    }

    /// <summary>acc1 += c1·x and acc2 += c2·x over a dense row in one read of x.</summary>
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
            (Vector256.LoadUnsafe(ref ar, (nuint)j) + c1v * lo).StoreUnsafe(ref ar, (nuint)j);
            (Vector256.LoadUnsafe(ref ar, (nuint)(j + 4)) + c1v * hi).StoreUnsafe(ref ar, (nuint)(j + 4));
            (Vector256.LoadUnsafe(ref br, (nuint)j) + c2v * lo).StoreUnsafe(ref br, (nuint)j);
            (Vector256.LoadUnsafe(ref br, (nuint)(j + 4)) + c2v * hi).StoreUnsafe(ref br, (nuint)(j + 4));
        }

        for (; j < n; j++)
        {
            double xj = Unsafe.Add(ref xr, j);
            Unsafe.Add(ref ar, j) += c1 * xj;
            Unsafe.Add(ref br, j) += c2 * xj;
        }
    }

    /// <summary>acc += c·x² (element-wise) over a dense row.</summary>
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
            (Vector256.LoadUnsafe(ref ar, (nuint)j) + cv * (lo * lo)).StoreUnsafe(ref ar, (nuint)j);
            (Vector256.LoadUnsafe(ref ar, (nuint)(j + 4)) + cv * (hi * hi)).StoreUnsafe(ref ar, (nuint)(j + 4));
        }

        for (; j < n; j++)
        {
            double xj = Unsafe.Add(ref xr, j);
            Unsafe.Add(ref ar, j) += c * (xj * xj);
        }
    }

    /// <summary>Σₖ vₖ·w[iₖ] over a sparse row.</summary>
    public static double Dot(ReadOnlySpan<float> values, ReadOnlySpan<int> indices, ReadOnlySpan<double> w)
    {
        double sum = 0;
        for (int k = 0; k < values.Length; k++)
        {
            sum += values[k] * w[indices[k]];
        }

        return sum;
    }

    /// <summary>Both x·w and x·z over a sparse row.</summary>
    public static void Dot2(ReadOnlySpan<float> values, ReadOnlySpan<int> indices, ReadOnlySpan<double> w,
        ReadOnlySpan<double> z, out double xw, out double xz)
    {
        xw = 0;
        xz = 0;
        for (int k = 0; k < values.Length; k++)
        {
            double v = values[k];
            int j = indices[k];
            xw += v * w[j];
            xz += v * z[j];
        }
    }

    /// <summary>acc[iₖ] += c·vₖ over a sparse row.</summary>
    public static void AddScaled(double c, ReadOnlySpan<float> values, ReadOnlySpan<int> indices, Span<double> acc)
    {
        for (int k = 0; k < values.Length; k++)
        {
            acc[indices[k]] += c * values[k];
        }
    }

    /// <summary>acc1[iₖ] += c1·vₖ and acc2[iₖ] += c2·vₖ over a sparse row.</summary>
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
    public static void AddScaledSquares(double c, ReadOnlySpan<float> values, ReadOnlySpan<int> indices, Span<double> acc)
    {
        for (int k = 0; k < values.Length; k++)
        {
            double v = values[k];
            acc[indices[k]] += c * (v * v);
        }
    }

    /// <summary>Σⱼ vⱼ², in eight lanes combined in a fixed order (a sequential sum is bound by the addition latency).</summary>
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
            acc0 += lo * lo;
            acc1 += hi * hi;
        }

        double sum = HorizontalSum(acc0 + acc1);
        for (; j < n; j++)
        {
            double vj = Unsafe.Add(ref vr, j);
            sum += vj * vj;
        }

        return sum;
    }

    /// <summary>target ← target·scale + c·source, element-wise (the same bits at any vector width).</summary>
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
