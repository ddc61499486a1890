namespace AdaHessian.Regularization;

/// <summary>How <see cref="L2Search"/> chooses the L2 strength from the data.</summary>
public enum L2Method
{
    /// <summary>
    /// K-fold cross-validation along a warm-started path of strengths, refined by a parabola through the best three
    /// (the held-out loss decides, as in scikit-learn's LogisticRegressionCV).
    /// </summary>
    CrossValidation,

    /// <summary>
    /// Type-II maximum likelihood (the evidence, under a Laplace approximation): MacKay's fixed point
    /// λ ← γ / ‖w‖², γ = (weights) − λ·tr((H + λI)⁻¹) estimated with Hutchinson probes and conjugate gradients.
    /// Needs no held-out rows; trusts the model's own probabilities.
    /// </summary>
    Evidence,

    /// <summary>The same path as <see cref="CrossValidation"/>, fitted on all training rows and scored on a validation set.</summary>
    ValidationSet,
}
