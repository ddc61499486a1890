using AdaHessian.Objective;

namespace AdaHessian.Tests.TestSupport;

/// <summary>
/// A deliberately naive implementation of DESIGN §2, written independently of the library (scalar loops, full
/// Hessian matrix): F_B = (1/Ω_B) Σ ωℓ + (λ/2Ω)‖w‖², parameters laid out as weights then bias.
/// </summary>
internal static class Reference
{
    public static double Sigmoid(double a) => 1 / (1 + Math.Exp(-a));

    /// <summary>ℓ, ℓ′, ℓ″ from the table in DESIGN §2.</summary>
    public static double Loss(LossKind loss, double a, double y, out double first, out double second)
    {
        double p = Sigmoid(a);
        if (loss == LossKind.LogLoss)
        {
            first = p - y;
            second = p * (1 - p);
            // softplus(a) = max(a, 0) + log(1 + e^{−|a|}), a different (but equivalent) stable form from the library's.
            return Math.Max(a, 0) + Math.Log(1 + Math.Exp(-Math.Abs(a))) - y * a;
        }

        first = (p - y) * p * (1 - p);
        second = p * (1 - p) * (p * (1 - p) + (p - y) * (1 - 2 * p));
        return 0.5 * (p - y) * (p - y);
    }

    private static double Activation(TestProblem problem, int row, double[] theta)
    {
        int d = problem.Columns;
        double a = theta[d];
        for (int j = 0; j < d; j++)
        {
            a += problem.X(row, j) * theta[j];
        }

        return a;
    }

    private static double BatchWeight(TestProblem problem, int[] rows) => rows.Sum(problem.Weight);

    public static double Value(TestProblem problem, LossKind loss, double lambda, int[] rows, double[] theta)
    {
        int d = problem.Columns;
        double sum = 0;
        foreach (int i in rows)
        {
            sum += problem.Weight(i) * Loss(loss, Activation(problem, i, theta), problem.Labels[i], out _, out _);
        }

        double norm = 0;
        for (int j = 0; j < d; j++)
        {
            norm += theta[j] * theta[j];
        }

        return sum / BatchWeight(problem, rows) + lambda / (2 * problem.TotalWeight) * norm;
    }

    public static double[] Gradient(TestProblem problem, LossKind loss, double lambda, int[] rows, double[] theta)
    {
        int d = problem.Columns;
        var g = new double[d + 1];
        double omegaB = BatchWeight(problem, rows);
        foreach (int i in rows)
        {
            Loss(loss, Activation(problem, i, theta), problem.Labels[i], out double first, out _);
            double c = problem.Weight(i) * first / omegaB;
            for (int j = 0; j < d; j++)
            {
                g[j] += c * problem.X(i, j);
            }

            g[d] += c;
        }

        for (int j = 0; j < d; j++)
        {
            g[j] += lambda / problem.TotalWeight * theta[j];
        }

        return g;
    }

    /// <summary>The full (d+1)×(d+1) Hessian: (1/Ω_B) Σ ωℓ″ x̃x̃ᵀ + (λ/Ω) diag(1…1, 0), x̃ = (x, 1).</summary>
    public static double[,] Hessian(TestProblem problem, LossKind loss, double lambda, int[] rows, double[] theta)
    {
        int d = problem.Columns;
        int p = d + 1;
        var h = new double[p, p];
        double omegaB = BatchWeight(problem, rows);
        var xt = new double[p];
        foreach (int i in rows)
        {
            Loss(loss, Activation(problem, i, theta), problem.Labels[i], out _, out double second);
            for (int j = 0; j < d; j++)
            {
                xt[j] = problem.X(i, j);
            }

            xt[d] = 1;
            double c = problem.Weight(i) * second / omegaB;
            for (int j = 0; j < p; j++)
            {
                for (int k = 0; k < p; k++)
                {
                    h[j, k] += c * xt[j] * xt[k];
                }
            }
        }

        for (int j = 0; j < d; j++)
        {
            h[j, j] += lambda / problem.TotalWeight;
        }

        return h;
    }
}

/// <summary>Central finite differences.</summary>
internal static class FiniteDifference
{
    /// <summary>∂f/∂θⱼ ≈ (f(θ + h eⱼ) − f(θ − h eⱼ)) / 2h for every j.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] theta, double h = 1e-5)
    {
        var g = new double[theta.Length];
        for (int j = 0; j < theta.Length; j++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[j] += h;
            minus[j] -= h;
            g[j] = (f(plus) - f(minus)) / (2 * h);
        }

        return g;
    }

    /// <summary>D g(θ)·v ≈ (g(θ + h v) − g(θ − h v)) / 2h: for g = ∇F this is H v.</summary>
    public static double[] Directional(Func<double[], double[]> g, double[] theta, double[] v, double h = 1e-5)
    {
        var plus = new double[theta.Length];
        var minus = new double[theta.Length];
        for (int j = 0; j < theta.Length; j++)
        {
            plus[j] = theta[j] + h * v[j];
            minus[j] = theta[j] - h * v[j];
        }

        double[] gp = g(plus), gm = g(minus);
        var result = new double[gp.Length];
        for (int j = 0; j < result.Length; j++)
        {
            result[j] = (gp[j] - gm[j]) / (2 * h);
        }

        return result;
    }
}

internal static class Approx
{
    /// <summary>Asserts |actual − expected| ≤ tolerance · max(1, |expected|) entry by entry.</summary>
    public static void Equal(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
        {
            Equal(expected[j], actual[j], tolerance, $"{what}[{j}]");
        }
    }

    public static void Equal(double expected, double actual, double tolerance, string what = "")
    {
        double allowed = tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):E3} > {allowed:E3})");
    }

    /// <summary>Asserts |actual − expected| ≤ relative · |expected| (pure relative, for values of any size).</summary>
    public static void Relative(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double relative, string what = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (double e in expected)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }

        for (int j = 0; j < expected.Length; j++)
        {
            // Relative to the vector's largest entry, so exact zeros and tiny cancellations do not demand 0 error.
            double allowed = relative * Math.Max(Math.Abs(expected[j]), scale);
            Assert.True(Math.Abs(actual[j] - expected[j]) <= allowed,
                $"{what}[{j}]: expected {expected[j]:R}, got {actual[j]:R}");
        }
    }

    public static void Bitwise(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[j]) == BitConverter.DoubleToInt64Bits(actual[j]),
                $"{what}[{j}]: {expected[j]:R} vs {actual[j]:R}");
        }
    }

    public static void Bitwise(double expected, double actual, string what = "") =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what}: {expected:R} vs {actual:R}");
}
