using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>A <see cref="FusedPass"/> (and its <see cref="CurvatureProductPass"/>) split into chunks: <see cref="ChunkedPassBase"/>.</summary>
/// <remarks>Not thread-safe: one pass at a time.</remarks>
internal sealed class ChunkedPass(LogisticDataset data, LossKind loss, int numberOfThreads)
    : ChunkedPassBase(numberOfThreads, curvaturesPerRow: 1, scratchLength: 0)
{
    protected override (double Loss, double Weight) RunPass(ReadOnlySpan<int> rows, ReadOnlySpan<double> probes,
        Span<double> gradient, Span<double> products, Span<double> diagonal, Span<double> scratch, Span<double> curvatures) =>
        new FusedPass(data, loss, Workspace.Theta, probes, Workspace.Shape, gradient, products, diagonal, curvatures).Run(rows);

    protected override double RunProducts(ReadOnlySpan<int> rows, ReadOnlySpan<double> curvatures, ReadOnlySpan<double> z,
        Span<double> products, Span<double> scratch) =>
        new CurvatureProductPass(data, curvatures, z, products).Run(rows);
}
