namespace AdaHessian.Optimizers;

/// <summary>
/// The mutable state of one <see cref="IUpdateTransform"/> during one run. A transform without state uses
/// <see cref="None"/>; one with state derives its own type and changes it in place every step.
/// </summary>
public class TransformState
{
    /// <summary>Protected so that only transforms create states.</summary>
    protected TransformState()
    {
    }

    /// <summary>The state of a stateless transform.</summary>
    public static TransformState None { get; } = new();
}
