using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics.Random;

namespace AdaHessian.Curvature;

/// <summary>
/// Hutchinson's probes: vectors of independent ±1 entries, each +1 or −1 with probability ½. One seeded generator
/// per instance, so the probes depend only on the seed and on how many have been drawn — on every platform.
/// </summary>
internal sealed class RademacherProbes
{
    private readonly Xoshiro256StarStar _random;
    private byte[] _bits = [];

    public RademacherProbes(int seed)
    {
        _random = new Xoshiro256StarStar(seed, threadSafe: false);
    }

    /// <summary>
    /// Fills <paramref name="probes"/> with probes.Length / <paramref name="parameterCount"/> consecutive probes. Each
    /// probe takes one block of (P + 7) / 8 generator bytes; bit i of byte k gives entry 8k + i, 0 → −1 and 1 → +1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Draw(Span<double> probes, int parameterCount)
    {
        int p = parameterCount;
        if (p < 1 || probes.Length % p != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(probes), $"Must hold whole probes of {p} values.");
        }

        if (_bits.Length != (p + 7) / 8)
        {
            _bits = new byte[(p + 7) / 8];
        }

        for (int s = 0; s < probes.Length / p; s++)
        {
            _random.NextBytes(_bits);
            Expand(_bits, probes.Slice(s * p, p));
        }
    }

    // The vector path expands one byte into 8 entries with two compares; the tail does the same bit by bit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Expand(byte[] bits, Span<double> z)
    {
        int p = z.Length;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var lowBits = Vector256.Create(1L, 2, 4, 8);
            var highBits = Vector256.Create(16L, 32, 64, 128);
            var minusOne = Vector256.Create(-1.0);
            var plusOne = Vector256.Create(1.0);
            ref double zRef = ref MemoryMarshal.GetReference(z);
            for (; j <= p - 8; j += 8)
            {
                var value = Vector256.Create((long)bits[j >> 3]);
                Vector256<double> lowClear = Vector256.Equals(value & lowBits, Vector256<long>.Zero).AsDouble();
                Vector256<double> highClear = Vector256.Equals(value & highBits, Vector256<long>.Zero).AsDouble();
                Vector256.ConditionalSelect(lowClear, minusOne, plusOne).StoreUnsafe(ref zRef, (nuint)j);
                Vector256.ConditionalSelect(highClear, minusOne, plusOne).StoreUnsafe(ref zRef, (nuint)(j + 4));
            }
        }

        for (; j < p; j++)
        {
            z[j] = ((bits[j >> 3] >> (j & 7)) & 1) == 0 ? -1.0 : 1.0;
        }
    }
}
