namespace AdaHessian.Training;

/// <summary>One recorded point of a training run.</summary>
/// <param name="Epoch">Epochs completed (0 = the start).</param>
/// <param name="Step">Optimizer steps taken before <paramref name="Parameters"/>.</param>
/// <param name="Objective">The objective at <paramref name="Parameters"/>: over all rows when <paramref name="FullData"/>, else over the next step's mini-batch.</param>
/// <param name="GradientNorm">‖∇‖₂ of that same objective.</param>
/// <param name="FullData">True when the objective covers every row.</param>
/// <param name="Parameters">A copy of the weights then the bias, or null when parameters are not recorded.</param>
public sealed record HistoryPoint(int Epoch, long Step, double Objective, double GradientNorm, bool FullData, double[]? Parameters);
