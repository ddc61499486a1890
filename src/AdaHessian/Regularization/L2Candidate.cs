namespace AdaHessian.Regularization;

/// <summary>One strength the search tried and how it scored.</summary>
/// <param name="L2Regularization">λ.</param>
/// <param name="Score">
/// What the method minimizes: the mean held-out log-loss (cross-validation, validation set) or, for the evidence, the
/// fixed point's next λ (the choice is where λ maps to itself).
/// </param>
public readonly record struct L2Candidate(double L2Regularization, double Score);
