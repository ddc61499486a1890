namespace AdaHessian.Objective;

/// <summary>
/// A differentiable training objective over rows, as the training loop and the curvature estimators see it: the
/// value and gradient on any subset of rows, and from the same pass either Hessian-vector products (for
/// Hutchinson's estimate) or the exact Hessian diagonal. Implementations normalise by the subset's total weight,
/// so a mini-batch value estimates the full one.
/// </summary>
public interface IObjective
{
    /// <summary>How the parameters are laid out (weights and biases).</summary>
    ParameterLayout Layout { get; }

    /// <summary>Number of parameters, <see cref="Layout"/>.ParameterCount.</summary>
    int ParameterCount { get; }

    /// <summary>The indices 0 … rows − 1 of every row.</summary>
    ReadOnlyMemory<int> AllRows { get; }

    /// <summary>F_B(θ) on <paramref name="rows"/>, without derivatives.</summary>
    double Value(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta);

    /// <summary>F_B(θ) and its gradient on <paramref name="rows"/>.</summary>
    double Evaluate(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient);

    /// <summary>
    /// F_B(θ), its gradient, and H·zₛ for every probe zₛ (probes and products are s-major: probe s occupies
    /// [s·P, (s + 1)·P)), all from one pass over <paramref name="rows"/>.
    /// </summary>
    double EvaluateWithHessianProducts(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
        ReadOnlySpan<double> probes, Span<double> products);

    /// <summary>F_B(θ), its gradient and the exact diagonal of its Hessian, from one pass over <paramref name="rows"/>.</summary>
    double EvaluateWithExactDiagonal(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
        Span<double> diagonal);
}
