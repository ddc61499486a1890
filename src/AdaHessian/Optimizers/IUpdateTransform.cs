namespace AdaHessian.Optimizers;

/// <summary>
/// One link of an optimizer chain (optax's GradientTransformation): it turns the incoming update, which starts as
/// the gradient, into the outgoing one in place. The settings are immutable and shared; everything that changes
/// from step to step lives in the <see cref="TransformState"/> that <see cref="Init"/> creates for one run.
/// A link allocates nothing in <see cref="Update"/>.
/// </summary>
public interface IUpdateTransform
{
    /// <summary>The state before the first step, for parameters laid out as <paramref name="layout"/>.</summary>
    TransformState Init(Objective.ParameterLayout layout);

    /// <summary>Rewrites <paramref name="updates"/> (the incoming update) into this link's output.</summary>
    /// <param name="input">The step's gradient, curvature, parameters and number.</param>
    /// <param name="state">The state <see cref="Init"/> created; this link updates it in place.</param>
    /// <param name="updates">The incoming update on entry, the outgoing one on return.</param>
    void Update(in UpdateInput input, TransformState state, Span<double> updates);
}
