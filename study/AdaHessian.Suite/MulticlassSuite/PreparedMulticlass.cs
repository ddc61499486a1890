using AdaHessian.Suite.Data;
using Microsoft.ML;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>A split after the suite's preprocessing: the normalised rows, and the same rows as key-labelled, cached views.</summary>
/// <param name="Train">Training rows, normalised.</param>
/// <param name="Test">Test rows, normalised with the training split's ranges.</param>
/// <param name="TrainView">The training rows as a cached, primed view (label a key of every declared class).</param>
/// <param name="TestView">The test rows as a cached, primed view with the same key.</param>
internal sealed record PreparedMulticlass(MulticlassRows Train, MulticlassRows Test, IDataView TrainView, IDataView TestView);
