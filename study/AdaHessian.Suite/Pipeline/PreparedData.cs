using AdaHessian.Data;
using Microsoft.ML;

namespace AdaHessian.Suite.Pipeline;

/// <summary>The split after the suite's preprocessing, as datasets (for the metrics) and as views (for the trainers).</summary>
/// <param name="Train">Training rows.</param>
/// <param name="Test">Test rows.</param>
/// <param name="TrainView">The same training rows as an in-memory view.</param>
/// <param name="TestView">The same test rows as an in-memory view.</param>
internal sealed record PreparedData(LogisticDataset Train, LogisticDataset Test, IDataView TrainView, IDataView TestView);
