using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AdaHessian.Optimizers;

/// <summary>
/// The transform Adam and AdaHessian share: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)s², and
/// update = (m / (1−β₁ᵗ)) / ((√(v / (1−β₂ᵗ)))ᵏ + ε), where s is g (Adam) or D (AdaHessian).
/// Every element goes through the same sequence of correctly rounded operations (multiply, add, divide, square
/// root; never fused multiply-add), whether it is processed in a 4-wide vector or in the scalar tail, so results do
/// not depend on SIMD width. Only the general power k uses Math.Pow, which stays scalar.
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

    public static MomentState Update(ReadOnlySpan<double> gradient, ReadOnlySpan<double> second, MomentState state,
        double beta1, double beta2, double epsilon, double power, Span<double> update)
    {
        int n = gradient.Length;
        if (second.Length != n || update.Length != n || state.M.Length != n || state.V.Length != n)
        {
            throw new ArgumentOutOfRangeException(nameof(gradient), "Gradient, second-moment source, state and update must have equal lengths.");
        }

        long t = state.Step + 1;
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

        double[] m = state.M, v = state.V;
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

        return state with { Step = t };
    }

    /// <summary>θ ← θ − η·(update + λ_wd·θ), with decay on the weights only (the last entry is the bias).</summary>
    public static void Apply(ReadOnlySpan<double> update, double learningRate, double weightDecay, Span<double> parameters)
    {
        update = update[..parameters.Length]; // bounds the vector loop's unchecked loads
        if (parameters.Length == 0)
        {
            return;
        }

        int bias = parameters.Length - 1;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double u = ref MemoryMarshal.GetReference(update);
            ref double p = ref MemoryMarshal.GetReference(parameters);
            var rate = Vector256.Create(learningRate);
            var decay = Vector256.Create(weightDecay);
            for (; j <= bias - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                Vector256<double> pj = Vector256.LoadUnsafe(ref p, (nuint)j);
                Vector256<double> uj = Vector256.LoadUnsafe(ref u, (nuint)j);
                (pj - rate * (uj + decay * pj)).StoreUnsafe(ref p, (nuint)j);
            }
        }

        for (; j < bias; j++)
        {
            parameters[j] -= learningRate * (update[j] + weightDecay * parameters[j]);
        }

        // The bias is not decayed. Adding a zero decay term is kept: it turns an update of −0 into +0, as it always has.
        double noDecay = 0;
        parameters[bias] -= learningRate * (update[bias] + noDecay);
    }

    // The first index the scalar tail must still process. Lane for lane, the same operations as the scalar loop.
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
