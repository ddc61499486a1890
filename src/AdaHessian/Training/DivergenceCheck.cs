namespace AdaHessian.Training;

/// <summary>What the training loop treats as divergence, besides a non-finite objective or parameter.</summary>
public enum DivergenceCheck
{
    /// <summary>
    /// Also an objective above its value at the starting point, wherever the loop evaluates the full objective (every
    /// epoch it is needed, and always at the end): a returned model is never worse on the training objective than the
    /// point it started from.
    /// </summary>
    AboveStart,

    /// <summary>Only a NaN or infinite objective or parameter, as the official implementation (for studies).</summary>
    NonFinite,
}
