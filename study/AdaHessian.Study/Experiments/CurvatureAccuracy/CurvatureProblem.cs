using AdaHessian.Data;

namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>A dataset the estimator is measured on: a key for files, a label for figures and the report.</summary>
internal sealed record CurvatureProblem(string Key, string Label, LogisticDataset Data);
