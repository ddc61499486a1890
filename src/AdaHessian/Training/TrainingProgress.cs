namespace AdaHessian.Training;

/// <summary>Reported after every epoch.</summary>
/// <param name="Epoch">Epochs completed.</param>
/// <param name="TotalEpochs">Epochs requested.</param>
/// <param name="Step">Optimizer steps taken.</param>
/// <param name="Objective">The objective over all rows.</param>
/// <param name="GradientNorm">‖∇F‖₂ over all rows.</param>
public readonly record struct TrainingProgress(int Epoch, int TotalEpochs, long Step, double Objective, double GradientNorm);
