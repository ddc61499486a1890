namespace AdaHessian.Curvature;

/// <summary>How AdaHessian obtains the Hessian diagonal D.</summary>
public enum CurvatureKind
{
    /// <summary>Hutchinson's estimate |mean of z ⊙ Hz| over N Rademacher probes z (the paper's method).</summary>
    Hutchinson,

    /// <summary>The exact |diag H|, available in closed form for a logistic neuron (no sampling noise).</summary>
    ExactDiagonal,
}
