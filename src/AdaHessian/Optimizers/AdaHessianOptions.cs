namespace AdaHessian.Optimizers;

/// <summary>
/// AdaHessian settings; the defaults are those of the official implementation (amirgholami/adahessian) and of
/// AdaHessianTrainer. Where the curvature D comes from is set on <see cref="Training.TrainingOptions.Curvature"/>.
/// </summary>
public sealed record AdaHessianOptions
{
    /// <summary>η &gt; 0. Default 0.15.</summary>
    public double LearningRate { get; init; } = 0.15;

    /// <summary>β₁ in [0, 1): gradient momentum. Default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>β₂ in [0, 1): Hessian momentum (EMA of D²). Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>ε &gt; 0, added after the Hessian power. Default 1e-4.</summary>
    public double Epsilon { get; init; } = 1e-4;

    /// <summary>k in [0, 1]: denominator is (√v̂)ᵏ + ε; k = 0 gives momentum SGD. Default 1.</summary>
    public double HessianPower { get; init; } = 1;

    /// <summary>Decoupled weight decay λ_wd ≥ 0; weights only. Default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        OptionChecks.Positive(LearningRate, nameof(LearningRate));
        OptionChecks.InUnitInterval(Beta1, nameof(Beta1), includeOne: false);
        OptionChecks.InUnitInterval(Beta2, nameof(Beta2), includeOne: false);
        OptionChecks.Positive(Epsilon, nameof(Epsilon));
        OptionChecks.InUnitInterval(HessianPower, nameof(HessianPower), includeOne: true);
        OptionChecks.NonNegative(WeightDecay, nameof(WeightDecay));
    }
}
