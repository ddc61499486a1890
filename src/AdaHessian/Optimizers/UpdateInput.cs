using AdaHessian.Objective;

namespace AdaHessian.Optimizers;

/// <summary>What every link of an optimizer chain may read during one step.</summary>
/// <param name="Gradient">∇F_B(θ) on the step's batch.</param>
/// <param name="Curvature">D, the curvature estimate; empty when the run estimates none.</param>
/// <param name="Parameters">θ before the step.</param>
/// <param name="Step">t, the step being taken: 1 for the first.</param>
/// <param name="Layout">How the parameters are laid out.</param>
public readonly ref struct UpdateInput(
    ReadOnlySpan<double> Gradient,
    ReadOnlySpan<double> Curvature,
    ReadOnlySpan<double> Parameters,
    long Step,
    ParameterLayout Layout)
{
    /// <summary>∇F_B(θ) on the step's batch.</summary>
    public ReadOnlySpan<double> Gradient { get; } = Gradient;

    /// <summary>D, the curvature estimate; empty when the run estimates none.</summary>
    public ReadOnlySpan<double> Curvature { get; } = Curvature;

    /// <summary>θ before the step.</summary>
    public ReadOnlySpan<double> Parameters { get; } = Parameters;

    /// <summary>t, the step being taken: 1 for the first.</summary>
    public long Step { get; } = Step;

    /// <summary>How the parameters are laid out.</summary>
    public ParameterLayout Layout { get; } = Layout;
}
