namespace AdaHessian.Suite.Metrics;

/// <summary>
/// What a fitted trainer returned: score a = w·x + b, probability 1/(1 + exp(slope·a + offset)) (Platt; slope −1,
/// offset 0 is σ(a)).
/// </summary>
/// <param name="Weights">w, one per feature.</param>
/// <param name="Bias">b.</param>
/// <param name="Slope">The Platt calibrator's slope.</param>
/// <param name="Offset">The Platt calibrator's offset.</param>
internal sealed record LinearModel(float[] Weights, double Bias, double Slope = -1, double Offset = 0)
{
    /// <summary>The all-zero model, whose training objective every trainer must beat.</summary>
    public static LinearModel Zero(int features) => new(new float[features], 0);
}
