namespace AdaHessian.Training;

/// <summary>Reported after every epoch, to an observer of the run.</summary>
/// <param name="Epoch">Epochs completed.</param>
/// <param name="TotalEpochs">Epochs requested.</param>
/// <param name="Step">Optimizer steps taken.</param>
/// <param name="Objective">The objective over all rows.</param>
/// <param name="GradientNorm">‖∇F‖₂ over all rows.</param>
/// <param name="Parameters">
/// θ after the epoch (weights then bias), a view of the run's own array: valid during the report only, so an
/// observer that keeps it must copy it (<c>Parameters.ToArray()</c>).
/// </param>
/// <param name="ValidationObjective">The validation objective after the epoch; NaN without a validation set.</param>
public readonly record struct TrainingProgress(
    int Epoch,
    int TotalEpochs,
    long Step,
    double Objective,
    double GradientNorm,
    ReadOnlyMemory<double> Parameters,
    double ValidationObjective = double.NaN)
{
    /// <summary>λ of the objective, given or chosen from the data; NaN when whoever reports does not know it (the core loop alone).</summary>
    public double L2Regularization { get; init; } = double.NaN;
}
