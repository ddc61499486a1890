namespace AdaHessian.Suite.Data;

/// <summary>A multiclass training set and the held-out test set, with the same declared classes.</summary>
/// <param name="Train">The rows the trainers are fitted to.</param>
/// <param name="Test">The rows the test log-loss and accuracy are measured on.</param>
internal sealed record MulticlassSplit(MulticlassRows Train, MulticlassRows Test);
