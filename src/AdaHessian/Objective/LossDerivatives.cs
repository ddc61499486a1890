namespace AdaHessian.Objective;

/// <summary>Value and first two derivatives of a loss with respect to the activation a, computed stably.</summary>
internal static class LossDerivatives
{
    /// <summary>ℓ(a), ℓ′(a), ℓ″(a) for target y.</summary>
    /// <remarks>
    /// σ and softplus share the one exponential e^(−|a|): it is the one each of <see cref="Sigmoid"/> and
    /// <see cref="Softplus"/> evaluates on its own branch (at a = ±0 both evaluate e⁰), so the results are the bits
    /// of those two functions at the price of one exp.
    /// </remarks>
    public static double Evaluate(LossKind loss, double a, double y, out double first, out double second)
    {
        double e = Math.Exp(-Math.Abs(a));
        double p = a >= 0 ? 1 / (1 + e) : e / (1 + e);
        double curvature = p * (1 - p);
        if (loss == LossKind.LogLoss)
        {
            first = p - y;
            second = curvature;
            double softplus = a > 0 ? a + Math.Log(1 + e) : Math.Log(1 + e);
            return softplus - y * a;
        }

        double residual = p - y;
        first = residual * curvature;
        second = curvature * (curvature + residual * (1 - 2 * p));
        return 0.5 * residual * residual;
    }

    /// <summary>σ(a) without overflow for large |a|.</summary>
    public static double Sigmoid(double a) =>
        a >= 0 ? 1 / (1 + Math.Exp(-a)) : Math.Exp(a) / (1 + Math.Exp(a));

    /// <summary>log(1 + eᵃ) without overflow or loss of precision for large |a|.</summary>
    public static double Softplus(double a) =>
        a > 0 ? a + Math.Log(1 + Math.Exp(-a)) : Math.Log(1 + Math.Exp(a));
}
