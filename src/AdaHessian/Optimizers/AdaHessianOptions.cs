namespace AdaHessian.Optimizers;

/// <summary>
/// AdaHessian settings; the defaults are those of the official implementation (amirgholami/adahessian) and of
/// AdaHessianTrainer: η = 0.15, β = (0.9, 0.999), ε = 1e-4, k = 1. Where the curvature D comes from is set on
/// <see cref="Training.TrainingOptions.Curvature"/>.
/// </summary>
public sealed record AdaHessianOptions() : MomentOptions(learningRate: 0.15, epsilon: 1e-4)
{
    /// <summary>k in [0, 1]: denominator is (√v̂)ᵏ + ε; k = 0 gives momentum SGD. Default 1.</summary>
    public double HessianPower { get; init; } = 1;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        OptionChecks.InUnitInterval(HessianPower, nameof(HessianPower), includeOne: true);
    }
}
