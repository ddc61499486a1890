using AdaHessian.Objective;

namespace AdaHessian.Regularization;

/// <summary>One train/score split of the path: the rows fitted (and their total weight Ω, which sets c = λ/Ω), and the
/// rows of an unregularized objective that score the fit.</summary>
internal sealed record SearchFold(ReadOnlyMemory<int> TrainRows, double TrainWeight, IObjective Scorer,
    ReadOnlyMemory<int> ScoreRows, double ScoreWeight);
