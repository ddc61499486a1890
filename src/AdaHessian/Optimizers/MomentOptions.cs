namespace AdaHessian.Optimizers;

/// <summary>
/// The settings Adam and AdaHessian share: the step size and the two moving averages of their preconditioner.
/// The defaults are those of AdamTrainer and AdaHessianTrainer.
/// </summary>
public abstract record MomentOptions
{
    private protected MomentOptions(double learningRate, double epsilon)
    {
        LearningRate = learningRate;
        Epsilon = epsilon;
    }

    /// <summary>η &gt; 0. Default 0.05 for Adam (AdamTrainer's on mini-batches), 0.15 for AdaHessian (official).</summary>
    public double LearningRate { get; init; }

    /// <summary>β₁ in [0, 1): first-moment (momentum) decay. Default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>β₂ in [0, 1): second-moment decay (EMA of g² for Adam, of D² for AdaHessian). Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>ε &gt; 0, added to the denominator. Default 1e-8 for Adam (PyTorch's), 1e-4 for AdaHessian (official).</summary>
    public double Epsilon { get; init; }

    /// <summary>Decoupled weight decay λ_wd ≥ 0 (AdamW when positive); weights only. Default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that breaks its rule.</summary>
    public virtual void Validate()
    {
        OptionChecks.Positive(LearningRate, nameof(LearningRate));
        OptionChecks.InUnitInterval(Beta1, nameof(Beta1), includeOne: false);
        OptionChecks.InUnitInterval(Beta2, nameof(Beta2), includeOne: false);
        OptionChecks.Positive(Epsilon, nameof(Epsilon));
        OptionChecks.NonNegative(WeightDecay, nameof(WeightDecay));
    }
}
