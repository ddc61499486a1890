using AdaHessian.Data;

namespace AdaHessian.Suite.Data;

/// <summary>A training set and the held-out test set scored against it (labels 0/1).</summary>
/// <param name="Train">The rows the trainers are fitted to.</param>
/// <param name="Test">The rows the test log-loss and AUC are measured on.</param>
internal sealed record DataSplit(LogisticDataset Train, LogisticDataset Test);
