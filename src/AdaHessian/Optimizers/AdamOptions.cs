namespace AdaHessian.Optimizers;

/// <summary>Adam / AdamW settings: η = 0.005, β = (0.9, 0.999), ε = 1e-8, no weight decay by default.</summary>
public sealed record AdamOptions() : MomentOptions(learningRate: 0.005, epsilon: 1e-8);
