namespace AdaHessian.Training;

/// <summary>What the training loop treats as divergence, besides a non-finite objective or parameter.</summary>
public enum DivergenceCheck
{
    /// <summary>
    /// Also an objective that keeps rising, or stays, above its value at the starting point (checked wherever the loop
    /// evaluates the full objective), and always an objective that ends above it: a returned model is never worse on
    /// the training objective than the point it started from. A short overshoot that comes back is allowed.
    /// </summary>
    AboveStart,

    /// <summary>Only a NaN or infinite objective or parameter, as the official implementation (for studies).</summary>
    NonFinite,
}
