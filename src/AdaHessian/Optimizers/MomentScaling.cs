using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AdaHessian.Objective;

namespace AdaHessian.Optimizers;

/// <summary>
/// The element-wise kernels of the optimizer chains. <see cref="Update"/> is the moment transform Adam and
/// AdaHessian share: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)s², and update = (m / (1−β₁ᵗ)) / ((√(v / (1−β₂ᵗ)))ᵏ + ε).
/// Every element goes through the same sequence of correctly rounded operations (multiply, add, divide, square
/// root; never fused multiply-add), whether it is processed in a 4-wide vector or in the scalar tail, so results do
/// not depend on SIMD width. Only the general power k uses Math.Pow, which stays scalar. Inputs and the update may
/// alias element for element (each element is read before it is written).
/// </summary>
internal static class MomentScaling
{
    private enum PowerKind
    {
        One,
        Zero,
        Half,
        General,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(ReadOnlySpan<double> gradient, ReadOnlySpan<double> second, double[] m, double[] v, long t,
        double beta1, double beta2, double epsilon, double power, Span<double> update)
    {
        int n = gradient.Length;
        if (second.Length != n || update.Length != n || m.Length != n || v.Length != n)
        {
            throw new ArgumentOutOfRangeException(nameof(gradient), "Gradient, second-moment source, state and update must have equal lengths.");
        }

        double correction1 = 1 - Math.Pow(beta1, t);
        double correction2 = 1 - Math.Pow(beta2, t);

        // Same matching as a per-element `power switch { 1 => …, 0 => …, 0.5 => …, _ => … }`, decided once per step.
        PowerKind kind = power switch
        {
            1 => PowerKind.One,
            0 => PowerKind.Zero,
            0.5 => PowerKind.Half,
            _ => PowerKind.General,
        };

        int j = 0;
        if (Vector256.IsHardwareAccelerated && kind != PowerKind.General)
        {
            j = UpdateVectorized(gradient, second, m, v, beta1, beta2, epsilon, correction1, correction2, kind, update);
        }

        for (; j < n; j++)
        {
            m[j] = beta1 * m[j] + (1 - beta1) * gradient[j];
            v[j] = beta2 * v[j] + (1 - beta2) * (second[j] * second[j]);
            double denominator = Power(Math.Sqrt(v[j] / correction2), kind, power) + epsilon;
            update[j] = m[j] / correction1 / denominator;
        }

    }

    /// <summary>
    /// update ← update + λ_wd·θ on the weights of every block; each bias gets + 0, which turns an update of −0 into +0
    /// exactly as the weights' zero decay term does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddDecayedWeights(ReadOnlySpan<double> parameters, double weightDecay, ParameterLayout layout,
        Span<double> update)
    {
        if (parameters.Length != layout.ParameterCount || update.Length != parameters.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(update), "Parameters and update must match the layout.");
        }

        for (int block = 0; block < layout.Blocks; block++)
        {
            int start = layout.BlockStart(block);
            int weights = layout.WeightsPerBlock;
            ReadOnlySpan<double> p = parameters.Slice(start, weights);
            Span<double> u = update.Slice(start, weights);
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref double pRef = ref MemoryMarshal.GetReference(p);
                ref double uRef = ref MemoryMarshal.GetReference(u);
                var decay = Vector256.Create(weightDecay);
                for (; j <= weights - Vector256<double>.Count; j += Vector256<double>.Count)
                {
                    (Vector256.LoadUnsafe(ref uRef, (nuint)j) + decay * Vector256.LoadUnsafe(ref pRef, (nuint)j))
                        .StoreUnsafe(ref uRef, (nuint)j);
                }
            }

            for (; j < weights; j++)
            {
                u[j] += weightDecay * p[j];
            }

            double noDecay = 0;
            update[start + weights] += noDecay;
        }
    }

    /// <summary>values ← factor·values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(Span<double> values, double factor)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double v = ref MemoryMarshal.GetReference(values);
            var f = Vector256.Create(factor);
            for (; j <= values.Length - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                (f * Vector256.LoadUnsafe(ref v, (nuint)j)).StoreUnsafe(ref v, (nuint)j);
            }
        }

        for (; j < values.Length; j++)
        {
            values[j] = factor * values[j];
        }
    }

    /// <summary>
    /// θ ← θ + update. With update = −η·(u + λ_wd·θ) this is θ − η·(u + λ_wd·θ) bit for bit: negation is exact and
    /// a − b is a + (−b).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<double> update, Span<double> parameters)
    {
        if (update.Length != parameters.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(update), "Must be as long as the parameters.");
        }

        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double u = ref MemoryMarshal.GetReference(update);
            ref double p = ref MemoryMarshal.GetReference(parameters);
            for (; j <= parameters.Length - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                (Vector256.LoadUnsafe(ref p, (nuint)j) + Vector256.LoadUnsafe(ref u, (nuint)j)).StoreUnsafe(ref p, (nuint)j);
            }
        }

        for (; j < parameters.Length; j++)
        {
            parameters[j] += update[j];
        }
    }

    // The first index the scalar tail must still process. Lane for lane, the same operations as the scalar loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int UpdateVectorized(ReadOnlySpan<double> gradient, ReadOnlySpan<double> second, double[] m, double[] v,
        double beta1, double beta2, double epsilon, double correction1, double correction2, PowerKind kind,
        Span<double> update)
    {
        int n = gradient.Length;
        ref double g = ref MemoryMarshal.GetReference(gradient);
        ref double s = ref MemoryMarshal.GetReference(second);
        ref double mRef = ref MemoryMarshal.GetArrayDataReference(m);
        ref double vRef = ref MemoryMarshal.GetArrayDataReference(v);
        ref double u = ref MemoryMarshal.GetReference(update);
        var b1 = Vector256.Create(beta1);
        var b2 = Vector256.Create(beta2);
        var oneMinusB1 = Vector256.Create(1 - beta1);
        var oneMinusB2 = Vector256.Create(1 - beta2);
        var c1 = Vector256.Create(correction1);
        var c2 = Vector256.Create(correction2);
        var eps = Vector256.Create(epsilon);
        var one = Vector256.Create(1.0);
        int j = 0;
        for (; j <= n - Vector256<double>.Count; j += Vector256<double>.Count)
        {
            nuint i = (nuint)j;
            Vector256<double> sj = Vector256.LoadUnsafe(ref s, i);
            Vector256<double> mj = b1 * Vector256.LoadUnsafe(ref mRef, i) + oneMinusB1 * Vector256.LoadUnsafe(ref g, i);
            Vector256<double> vj = b2 * Vector256.LoadUnsafe(ref vRef, i) + oneMinusB2 * (sj * sj);
            mj.StoreUnsafe(ref mRef, i);
            vj.StoreUnsafe(ref vRef, i);
            Vector256<double> scaled = kind switch
            {
                PowerKind.One => Vector256.Sqrt(vj / c2),
                PowerKind.Half => Vector256.Sqrt(Vector256.Sqrt(vj / c2)),
                _ => one,
            };
            (mj / c1 / (scaled + eps)).StoreUnsafe(ref u, i);
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Power(double x, PowerKind kind, double k) => kind switch
    {
        PowerKind.One => x,
        PowerKind.Zero => 1,
        PowerKind.Half => Math.Sqrt(x),
        _ => Math.Pow(x, k),
    };
}
