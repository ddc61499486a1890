using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AdaHessian.Objective;

/// <summary>
/// AVX-512 kernels over a block of four dense rows of equal length. Each result is bitwise identical to what
/// <see cref="RowKernels"/> computes row by row: a 512-bit accumulator holds exactly the eight lanes that
/// <see cref="RowKernels"/> keeps in two 256-bit accumulators, every lane sees the same multiplications and additions in
/// the same order (each a fused multiply-add, as there), and the updates of a shared accumulator element happen in
/// row order. What the block saves is work:
/// one load of w (and z) serves four rows, each accumulator element is loaded and stored once per four rows instead of
/// once per row, float→double widening is one instruction per eight values, and four independent dependency chains
/// replace one. The kernels repeat one loop shape on purpose: each mirrors one <see cref="RowKernels"/> kernel lane for
/// lane, and a shared helper would have to hide the order that makes the bits equal.
/// </summary>
/// <remarks>
/// The dot-product kernels also prefetch the next block's rows, because four interleaved row streams defeat the
/// hardware prefetcher on data read from memory. A prefetch is only a hint: it cannot fault, so an address gone stale
/// because the garbage collector moved an array costs nothing and the arrays need not be pinned.
/// </remarks>
internal static unsafe class RowBlockKernels
{
    /// <summary>Rows per block.</summary>
    public const int Size = 4;

    /// <summary>True when this CPU runs the kernels; otherwise callers use <see cref="RowKernels"/> row by row.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>xᵣ·w for the four rows r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot(in Rows x, in Rows next, ReadOnlySpan<double> w, Span<double> xw)
    {
        ref double wr = ref MemoryMarshal.GetReference(w);
        int n = x.Length;
        int j = 0;
        Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default;
        for (; j <= n - 8; j += 8)
        {
            Prefetch(in next, j);
            var wv = Vector512.LoadUnsafe(ref wr, (nuint)j);
            a0 = Vector512.FusedMultiplyAdd(Widen(ref x.R0, j), wv, a0);
            a1 = Vector512.FusedMultiplyAdd(Widen(ref x.R1, j), wv, a1);
            a2 = Vector512.FusedMultiplyAdd(Widen(ref x.R2, j), wv, a2);
            a3 = Vector512.FusedMultiplyAdd(Widen(ref x.R3, j), wv, a3);
        }

        double s0 = Sum(a0), s1 = Sum(a1), s2 = Sum(a2), s3 = Sum(a3);
        for (; j < n; j++)
        {
            double wj = Unsafe.Add(ref wr, j);
            s0 = Math.FusedMultiplyAdd(Unsafe.Add(ref x.R0, j), wj, s0);
            s1 = Math.FusedMultiplyAdd(Unsafe.Add(ref x.R1, j), wj, s1);
            s2 = Math.FusedMultiplyAdd(Unsafe.Add(ref x.R2, j), wj, s2);
            s3 = Math.FusedMultiplyAdd(Unsafe.Add(ref x.R3, j), wj, s3);
        }

        xw[0] = s0;
        xw[1] = s1;
        xw[2] = s2;
        xw[3] = s3;
    }

    /// <summary>xᵣ·w and xᵣ·z for the four rows r, in one read of the rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot2(in Rows x, in Rows next, ReadOnlySpan<double> w, ReadOnlySpan<double> z, Span<double> xw,
        Span<double> xz)
    {
        ref double wr = ref MemoryMarshal.GetReference(w);
        ref double zr = ref MemoryMarshal.GetReference(z);
        int n = x.Length;
        int j = 0;
        Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector512<double> b0 = default, b1 = default, b2 = default, b3 = default;
        for (; j <= n - 8; j += 8)
        {
            Prefetch(in next, j);
            var wv = Vector512.LoadUnsafe(ref wr, (nuint)j);
            var zv = Vector512.LoadUnsafe(ref zr, (nuint)j);
            var x0 = Widen(ref x.R0, j);
            var x1 = Widen(ref x.R1, j);
            var x2 = Widen(ref x.R2, j);
            var x3 = Widen(ref x.R3, j);
            a0 = Vector512.FusedMultiplyAdd(x0, wv, a0);
            b0 = Vector512.FusedMultiplyAdd(x0, zv, b0);
            a1 = Vector512.FusedMultiplyAdd(x1, wv, a1);
            b1 = Vector512.FusedMultiplyAdd(x1, zv, b1);
            a2 = Vector512.FusedMultiplyAdd(x2, wv, a2);
            b2 = Vector512.FusedMultiplyAdd(x2, zv, b2);
            a3 = Vector512.FusedMultiplyAdd(x3, wv, a3);
            b3 = Vector512.FusedMultiplyAdd(x3, zv, b3);
        }

        double s0 = Sum(a0), s1 = Sum(a1), s2 = Sum(a2), s3 = Sum(a3);
        double t0 = Sum(b0), t1 = Sum(b1), t2 = Sum(b2), t3 = Sum(b3);
        for (; j < n; j++)
        {
            double wj = Unsafe.Add(ref wr, j), zj = Unsafe.Add(ref zr, j);
            double x0 = Unsafe.Add(ref x.R0, j), x1 = Unsafe.Add(ref x.R1, j);
            double x2 = Unsafe.Add(ref x.R2, j), x3 = Unsafe.Add(ref x.R3, j);
            s0 = Math.FusedMultiplyAdd(x0, wj, s0);
            t0 = Math.FusedMultiplyAdd(x0, zj, t0);
            s1 = Math.FusedMultiplyAdd(x1, wj, s1);
            t1 = Math.FusedMultiplyAdd(x1, zj, t1);
            s2 = Math.FusedMultiplyAdd(x2, wj, s2);
            t2 = Math.FusedMultiplyAdd(x2, zj, t2);
            s3 = Math.FusedMultiplyAdd(x3, wj, s3);
            t3 = Math.FusedMultiplyAdd(x3, zj, t3);
        }

        xw[0] = s0;
        xw[1] = s1;
        xw[2] = s2;
        xw[3] = s3;
        xz[0] = t0;
        xz[1] = t1;
        xz[2] = t2;
        xz[3] = t3;
    }

    /// <summary>acc += c₀x₀, then c₁x₁, c₂x₂, c₃x₃ (in that order for every element).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(ReadOnlySpan<double> c, in Rows x, Span<double> acc)
    {
        ref double ar = ref acc[0];
        int n = x.Length;
        int j = 0;
        var c0 = Vector512.Create(c[0]);
        var c1 = Vector512.Create(c[1]);
        var c2 = Vector512.Create(c[2]);
        var c3 = Vector512.Create(c[3]);
        for (; j <= n - 8; j += 8)
        {
            var a = Vector512.LoadUnsafe(ref ar, (nuint)j);
            a = Vector512.FusedMultiplyAdd(c0, Widen(ref x.R0, j), a);
            a = Vector512.FusedMultiplyAdd(c1, Widen(ref x.R1, j), a);
            a = Vector512.FusedMultiplyAdd(c2, Widen(ref x.R2, j), a);
            a = Vector512.FusedMultiplyAdd(c3, Widen(ref x.R3, j), a);
            a.StoreUnsafe(ref ar, (nuint)j);
        }

        for (; j < n; j++)
        {
            ref double aj = ref Unsafe.Add(ref ar, j);
            aj = Math.FusedMultiplyAdd(c[0], Unsafe.Add(ref x.R0, j), aj);
            aj = Math.FusedMultiplyAdd(c[1], Unsafe.Add(ref x.R1, j), aj);
            aj = Math.FusedMultiplyAdd(c[2], Unsafe.Add(ref x.R2, j), aj);
            aj = Math.FusedMultiplyAdd(c[3], Unsafe.Add(ref x.R3, j), aj);
        }
    }

    /// <summary>acc1 += Σᵣ c1ᵣxᵣ and acc2 += Σᵣ c2ᵣxᵣ, row by row, in one read of the rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled2(ReadOnlySpan<double> c1, ReadOnlySpan<double> c2, in Rows x, Span<double> acc1,
        Span<double> acc2)
    {
        ref double ar = ref acc1[0];
        ref double br = ref acc2[0];
        int n = x.Length;
        int j = 0;
        Vector512<double> p0 = Vector512.Create(c1[0]), p1 = Vector512.Create(c1[1]);
        Vector512<double> p2 = Vector512.Create(c1[2]), p3 = Vector512.Create(c1[3]);
        Vector512<double> q0 = Vector512.Create(c2[0]), q1 = Vector512.Create(c2[1]);
        Vector512<double> q2 = Vector512.Create(c2[2]), q3 = Vector512.Create(c2[3]);
        for (; j <= n - 8; j += 8)
        {
            var a = Vector512.LoadUnsafe(ref ar, (nuint)j);
            var b = Vector512.LoadUnsafe(ref br, (nuint)j);
            var x0 = Widen(ref x.R0, j);
            a = Vector512.FusedMultiplyAdd(p0, x0, a);
            b = Vector512.FusedMultiplyAdd(q0, x0, b);
            var x1 = Widen(ref x.R1, j);
            a = Vector512.FusedMultiplyAdd(p1, x1, a);
            b = Vector512.FusedMultiplyAdd(q1, x1, b);
            var x2 = Widen(ref x.R2, j);
            a = Vector512.FusedMultiplyAdd(p2, x2, a);
            b = Vector512.FusedMultiplyAdd(q2, x2, b);
            var x3 = Widen(ref x.R3, j);
            a = Vector512.FusedMultiplyAdd(p3, x3, a);
            b = Vector512.FusedMultiplyAdd(q3, x3, b);
            a.StoreUnsafe(ref ar, (nuint)j);
            b.StoreUnsafe(ref br, (nuint)j);
        }

        for (; j < n; j++)
        {
            ref double aj = ref Unsafe.Add(ref ar, j);
            ref double bj = ref Unsafe.Add(ref br, j);
            double x0 = Unsafe.Add(ref x.R0, j), x1 = Unsafe.Add(ref x.R1, j);
            double x2 = Unsafe.Add(ref x.R2, j), x3 = Unsafe.Add(ref x.R3, j);
            aj = Math.FusedMultiplyAdd(c1[0], x0, aj);
            bj = Math.FusedMultiplyAdd(c2[0], x0, bj);
            aj = Math.FusedMultiplyAdd(c1[1], x1, aj);
            bj = Math.FusedMultiplyAdd(c2[1], x1, bj);
            aj = Math.FusedMultiplyAdd(c1[2], x2, aj);
            bj = Math.FusedMultiplyAdd(c2[2], x2, bj);
            aj = Math.FusedMultiplyAdd(c1[3], x3, aj);
            bj = Math.FusedMultiplyAdd(c2[3], x3, bj);
        }
    }

    /// <summary>
    /// acc1 += Σᵣ c1ᵣxᵣ and acc2 += Σᵣ c2ᵣxᵣ² (element-wise), row by row, in one read of the rows: the gradient and the
    /// exact diagonal, each element rounded as <see cref="AddScaled"/> and <see cref="AddScaledSquares"/> round it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledAndSquares(ReadOnlySpan<double> c1, ReadOnlySpan<double> c2, in Rows x, Span<double> acc1,
        Span<double> acc2)
    {
        ref double ar = ref acc1[0];
        ref double br = ref acc2[0];
        int n = x.Length;
        int j = 0;
        Vector512<double> p0 = Vector512.Create(c1[0]), p1 = Vector512.Create(c1[1]);
        Vector512<double> p2 = Vector512.Create(c1[2]), p3 = Vector512.Create(c1[3]);
        Vector512<double> q0 = Vector512.Create(c2[0]), q1 = Vector512.Create(c2[1]);
        Vector512<double> q2 = Vector512.Create(c2[2]), q3 = Vector512.Create(c2[3]);
        for (; j <= n - 8; j += 8)
        {
            var a = Vector512.LoadUnsafe(ref ar, (nuint)j);
            var b = Vector512.LoadUnsafe(ref br, (nuint)j);
            var x0 = Widen(ref x.R0, j);
            a = Vector512.FusedMultiplyAdd(p0, x0, a);
            b = Vector512.FusedMultiplyAdd(q0, x0 * x0, b);
            var x1 = Widen(ref x.R1, j);
            a = Vector512.FusedMultiplyAdd(p1, x1, a);
            b = Vector512.FusedMultiplyAdd(q1, x1 * x1, b);
            var x2 = Widen(ref x.R2, j);
            a = Vector512.FusedMultiplyAdd(p2, x2, a);
            b = Vector512.FusedMultiplyAdd(q2, x2 * x2, b);
            var x3 = Widen(ref x.R3, j);
            a = Vector512.FusedMultiplyAdd(p3, x3, a);
            b = Vector512.FusedMultiplyAdd(q3, x3 * x3, b);
            a.StoreUnsafe(ref ar, (nuint)j);
            b.StoreUnsafe(ref br, (nuint)j);
        }

        for (; j < n; j++)
        {
            ref double aj = ref Unsafe.Add(ref ar, j);
            ref double bj = ref Unsafe.Add(ref br, j);
            double x0 = Unsafe.Add(ref x.R0, j), x1 = Unsafe.Add(ref x.R1, j);
            double x2 = Unsafe.Add(ref x.R2, j), x3 = Unsafe.Add(ref x.R3, j);
            aj = Math.FusedMultiplyAdd(c1[0], x0, aj);
            bj = Math.FusedMultiplyAdd(c2[0], x0 * x0, bj);
            aj = Math.FusedMultiplyAdd(c1[1], x1, aj);
            bj = Math.FusedMultiplyAdd(c2[1], x1 * x1, bj);
            aj = Math.FusedMultiplyAdd(c1[2], x2, aj);
            bj = Math.FusedMultiplyAdd(c2[2], x2 * x2, bj);
            aj = Math.FusedMultiplyAdd(c1[3], x3, aj);
            bj = Math.FusedMultiplyAdd(c2[3], x3 * x3, bj);
        }
    }

    /// <summary>acc += cᵣ·xᵣ² (element-wise), row by row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledSquares(ReadOnlySpan<double> c, in Rows x, Span<double> acc)
    {
        ref double ar = ref acc[0];
        int n = x.Length;
        int j = 0;
        var c0 = Vector512.Create(c[0]);
        var c1 = Vector512.Create(c[1]);
        var c2 = Vector512.Create(c[2]);
        var c3 = Vector512.Create(c[3]);
        for (; j <= n - 8; j += 8)
        {
            var a = Vector512.LoadUnsafe(ref ar, (nuint)j);
            var x0 = Widen(ref x.R0, j);
            a = Vector512.FusedMultiplyAdd(c0, x0 * x0, a);
            var x1 = Widen(ref x.R1, j);
            a = Vector512.FusedMultiplyAdd(c1, x1 * x1, a);
            var x2 = Widen(ref x.R2, j);
            a = Vector512.FusedMultiplyAdd(c2, x2 * x2, a);
            var x3 = Widen(ref x.R3, j);
            a = Vector512.FusedMultiplyAdd(c3, x3 * x3, a);
            a.StoreUnsafe(ref ar, (nuint)j);
        }

        for (; j < n; j++)
        {
            ref double aj = ref Unsafe.Add(ref ar, j);
            double x0 = Unsafe.Add(ref x.R0, j), x1 = Unsafe.Add(ref x.R1, j);
            double x2 = Unsafe.Add(ref x.R2, j), x3 = Unsafe.Add(ref x.R3, j);
            aj = Math.FusedMultiplyAdd(c[0], x0 * x0, aj);
            aj = Math.FusedMultiplyAdd(c[1], x1 * x1, aj);
            aj = Math.FusedMultiplyAdd(c[2], x2 * x2, aj);
            aj = Math.FusedMultiplyAdd(c[3], x3 * x3, aj);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Widen(ref float row, int j) =>
        Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref row, (nuint)j));

    // One prefetch per row per 64-byte line: every other 8-float step.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(in Rows next, int j)
    {
        if ((j & 8) == 0)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref next.R0, j)));
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref next.R1, j)));
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref next.R2, j)));
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref next.R3, j)));
        }
    }

    // The lane order of RowKernels: lanes 0–3 and 4–7 added pairwise, then left to right.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Sum(Vector512<double> v)
    {
        Vector256<double> s = v.GetLower() + v.GetUpper();
        return ((s.GetElement(0) + s.GetElement(1)) + s.GetElement(2)) + s.GetElement(3);
    }

    /// <summary>Four dense rows of <see cref="Length"/> floats.</summary>
    internal readonly ref struct Rows(ref float r0, ref float r1, ref float r2, ref float r3, int length)
    {
        public readonly ref float R0 = ref r0;
        public readonly ref float R1 = ref r1;
        public readonly ref float R2 = ref r2;
        public readonly ref float R3 = ref r3;
        public readonly int Length = length;
    }
}
