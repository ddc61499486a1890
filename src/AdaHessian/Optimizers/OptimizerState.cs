using AdaHessian.Objective;

namespace AdaHessian.Optimizers;

/// <summary>
/// One run's state of an <see cref="Optimizer"/>: the steps taken, each link's state and the update buffer.
/// Mutable: <see cref="Optimizer.Step"/> advances it in place, so a step allocates nothing.
/// </summary>
public sealed class OptimizerState
{
    internal OptimizerState(TransformState[] states, ParameterLayout layout)
    {
        States = states;
        Layout = layout;
        Updates = new double[layout.ParameterCount];
    }

    /// <summary>Steps taken.</summary>
    public long Step { get; internal set; }

    /// <summary>Each link's state, in chain order.</summary>
    public IReadOnlyList<TransformState> LinkStates => States;

    /// <summary>The layout the state was created for.</summary>
    public ParameterLayout Layout { get; }

    internal TransformState[] States { get; }

    // The update as it passes through the chain; after a step it holds the step that was added to θ.
    internal double[] Updates { get; }
}
