namespace AdaHessian.Suite.Data;

/// <summary>One dense example as a loader reads it: its feature values and its binary label.</summary>
/// <param name="Features">The feature values, one per column.</param>
/// <param name="Label">True for the positive class.</param>
internal readonly record struct LabelledRow(float[] Features, bool Label);
