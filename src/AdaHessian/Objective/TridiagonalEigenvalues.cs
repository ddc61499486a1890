namespace AdaHessian.Objective;

/// <summary>
/// The extreme eigenvalues of a symmetric tridiagonal matrix (diagonal a, off-diagonal b, b one shorter), by bisection
/// on Sturm counts inside the Gershgorin interval: a fixed number of halvings, so the result is the same on every
/// machine.
/// </summary>
internal static class TridiagonalEigenvalues
{
    private const int Halvings = 200;

    /// <summary>The largest eigenvalue.</summary>
    public static double Largest(IReadOnlyList<double> a, IReadOnlyList<double> b) => Kth(a, b, a.Count - 1);

    /// <summary>The smallest eigenvalue.</summary>
    public static double Smallest(IReadOnlyList<double> a, IReadOnlyList<double> b) => Kth(a, b, 0);

    /// <summary>The eigenvalue with <paramref name="k"/> eigenvalues below it (0 = the smallest).</summary>
    public static double Kth(IReadOnlyList<double> a, IReadOnlyList<double> b, int k)
    {
        if (a.Count == 0 || b.Count != a.Count - 1)
        {
            throw new ArgumentException($"A tridiagonal matrix of order {a.Count} has {Math.Max(a.Count - 1, 0)} off-diagonal entries, not {b.Count}.", nameof(b));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, a.Count);
        (double low, double high) = Gershgorin(a, b);
        for (int i = 0; i < Halvings && low < high; i++)
        {
            double middle = low + (high - low) / 2;
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (CountBelow(a, b, middle) > k)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return low + (high - low) / 2;
    }

    /// <summary>The number of eigenvalues below <paramref name="x"/>: the negative pivots of the LDLᵀ factorization of T − xI (Sturm's theorem).</summary>
    public static int CountBelow(IReadOnlyList<double> a, IReadOnlyList<double> b, double x)
    {
        int count = 0;
        double pivot = 1;
        for (int i = 0; i < a.Count; i++)
        {
            double offSquared = i == 0 ? 0 : b[i - 1] * b[i - 1];
            pivot = a[i] - x - (i == 0 ? 0 : offSquared / pivot);
            if (pivot == 0)
            {
                pivot = -double.Epsilon; // x is an eigenvalue of the leading block: count it as below, by a hair
            }

            if (pivot < 0)
            {
                count++;
            }
        }

        return count;
    }

    private static (double Low, double High) Gershgorin(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = 0; i < a.Count; i++)
        {
            double radius = (i > 0 ? Math.Abs(b[i - 1]) : 0) + (i < b.Count ? Math.Abs(b[i]) : 0);
            low = Math.Min(low, a[i] - radius);
            high = Math.Max(high, a[i] + radius);
        }

        return (low, high);
    }
}
