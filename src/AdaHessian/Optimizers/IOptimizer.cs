using AdaHessian.Curvature;

namespace AdaHessian.Optimizers;

/// <summary>
/// A first- or second-order optimizer as an init/step pair over plain state. Parameters are the weights followed
/// by the bias; decoupled weight decay never touches the bias.
/// </summary>
public interface IOptimizer
{
    /// <summary>Short display name, e.g. "Adam" or "AdaHessian (k=1)".</summary>
    string Name { get; }

    /// <summary>η, the step size.</summary>
    double LearningRate { get; }

    /// <summary>How curvature must be supplied to <see cref="Step"/>; null when the optimizer uses gradients only.</summary>
    CurvatureOptions? Curvature { get; }

    /// <summary>The state before the first step.</summary>
    MomentState Init(int parameterCount);

    /// <summary>
    /// Takes one step in place on <paramref name="parameters"/> and returns the new state.
    /// <paramref name="curvature"/> is D (ignored, and may be empty, when <see cref="Curvature"/> is null).
    /// <paramref name="scratch"/> has the parameters' length and receives the pre-learning-rate update.
    /// </summary>
    MomentState Step(ReadOnlySpan<double> gradient, ReadOnlySpan<double> curvature, MomentState state,
        Span<double> parameters, Span<double> scratch);
}
