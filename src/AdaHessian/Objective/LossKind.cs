namespace AdaHessian.Objective;

/// <summary>The per-example loss of a logistic neuron p = σ(a), a = w·x + b.</summary>
public enum LossKind
{
    /// <summary>Cross-entropy, softplus(a) − y·a; convex in (w, b). ℓ′ = p − y, ℓ″ = p(1 − p).</summary>
    LogLoss,

    /// <summary>½(p − y)², the classic sigmoid-neuron illustration; not convex, ℓ″ can be negative.</summary>
    SquaredError,
}
