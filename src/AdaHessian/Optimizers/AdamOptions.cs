namespace AdaHessian.Optimizers;

/// <summary>
/// Adam / AdamW settings: η = 0.05 (AdamTrainer's on mini-batches, the core's default batch), β = (0.9, 0.999),
/// ε = 1e-8 (PyTorch's), no weight decay by default.
/// </summary>
public sealed record AdamOptions() : MomentOptions(learningRate: 0.05, epsilon: 1e-8);
