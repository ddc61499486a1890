namespace AdaHessian.Optimizers;

/// <summary>Adam / AdamW settings; the defaults are AdamTrainer's (β and ε PyTorch's, η measured, see AdamTrainer).</summary>
public sealed record AdamOptions
{
    /// <summary>η &gt; 0. Default 0.005.</summary>
    public double LearningRate { get; init; } = 0.005;

    /// <summary>β₁ in [0, 1): first-moment decay. Default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>β₂ in [0, 1): second-moment decay. Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>ε &gt; 0, added to √v̂. Default 1e-8.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Decoupled weight decay λ_wd ≥ 0 (AdamW when positive); weights only. Default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        OptionChecks.Positive(LearningRate, nameof(LearningRate));
        OptionChecks.InUnitInterval(Beta1, nameof(Beta1), includeOne: false);
        OptionChecks.InUnitInterval(Beta2, nameof(Beta2), includeOne: false);
        OptionChecks.Positive(Epsilon, nameof(Epsilon));
        OptionChecks.NonNegative(WeightDecay, nameof(WeightDecay));
    }
}
