namespace AdaHessian.Optimizers;

/// <summary>
/// The transform Adam and AdaHessian share: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)s², and
/// update = (m / (1−β₁ᵗ)) / ((√(v / (1−β₂ᵗ)))ᵏ + ε), where s is g (Adam) or D (AdaHessian).
/// Element-wise in a plain loop: every operation is correctly rounded, so results do not depend on SIMD width.
/// </summary>
internal static class MomentScaling
{
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
        double[] m = state.M, v = state.V;
        for (int j = 0; j < n; j++)
        {
            m[j] = beta1 * m[j] + (1 - beta1) * gradient[j];
            v[j] = beta2 * v[j] + (1 - beta2) * (second[j] * second[j]);
            double denominator = Power(Math.Sqrt(v[j] / correction2), power) + epsilon;
            update[j] = m[j] / correction1 / denominator;
        }

        return state with { Step = t };
    }

    /// <summary>θ ← θ − η·(update + λ_wd·θ), with decay on the weights only (the last entry is the bias).</summary>
    public static void Apply(ReadOnlySpan<double> update, double learningRate, double weightDecay, Span<double> parameters)
    {
        int bias = parameters.Length - 1;
        for (int j = 0; j < parameters.Length; j++)
        {
            double decay = j < bias ? weightDecay * parameters[j] : 0;
            parameters[j] -= learningRate * (update[j] + decay);
        }
    }

    private static double Power(double x, double k) => k switch
    {
        1 => x,
        0 => 1,
        0.5 => Math.Sqrt(x),
        _ => Math.Pow(x, k),
    };
}
