namespace AdaHessian.Objective;

/// <summary>
/// An objective whose Hessian-vector products at a fixed θ can reuse every row's curvature from one full pass there:
/// a product then reads each row for one dot product and one update per block, without the logits, exponentials and
/// gradient a probe pass recomputes — about half its work. Truncated Newton makes tens of products at every θ.
/// </summary>
internal interface ICurvatureStore
{
    /// <summary>Values stored per row: 1 for a logistic neuron (ωℓ″), K for a softmax layer (its probabilities).</summary>
    int CurvaturesPerRow { get; }

    /// <summary>
    /// <see cref="IObjective.EvaluateWithExactDiagonal"/>, also storing the curvature of row r of
    /// <paramref name="rows"/> (by position) at [r·<see cref="CurvaturesPerRow"/>, (r + 1)·<see cref="CurvaturesPerRow"/>)
    /// of <paramref name="curvatures"/>.
    /// </summary>
    double EvaluateWithExactDiagonal(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
        Span<double> diagonal, double[] curvatures);

    /// <summary>
    /// H·z on <paramref name="rows"/> at the θ where <see cref="EvaluateWithExactDiagonal"/> stored
    /// <paramref name="curvatures"/> for the same rows: bit for bit the product
    /// <see cref="IObjective.EvaluateWithHessianProducts"/> gives there with the single probe z.
    /// </summary>
    void HessianProduct(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, double[] curvatures, ReadOnlySpan<double> z,
        Span<double> product);
}
