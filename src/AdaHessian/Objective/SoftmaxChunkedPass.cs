using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// A <see cref="SoftmaxPass"/> (and its <see cref="SoftmaxCurvatureProductPass"/>) split into chunks:
/// <see cref="ChunkedPassBase"/>, as <see cref="ChunkedPass"/> does for a logistic neuron.
/// </summary>
/// <remarks>Not thread-safe: one pass at a time.</remarks>
internal sealed class SoftmaxChunkedPass(MulticlassDataset data, int numberOfThreads)
    : ChunkedPassBase(numberOfThreads, curvaturesPerRow: data.ClassCount, SoftmaxPass.ScratchLength(data.ClassCount))
{
    protected override (double Loss, double Weight) RunPass(ReadOnlySpan<int> rows, ReadOnlySpan<double> probes,
        Span<double> gradient, Span<double> products, Span<double> diagonal, Span<double> scratch, Span<double> curvatures) =>
        new SoftmaxPass(data, Workspace.Theta, probes, Workspace.Shape, gradient, products, diagonal, scratch, curvatures)
            .Run(rows);

    protected override double RunProducts(ReadOnlySpan<int> rows, ReadOnlySpan<double> curvatures, ReadOnlySpan<double> z,
        Span<double> products, Span<double> scratch) =>
        new SoftmaxCurvatureProductPass(data, curvatures, z, products, scratch).Run(rows);
}
