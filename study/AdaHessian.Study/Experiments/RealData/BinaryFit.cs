namespace AdaHessian.Study.Experiments.RealData;

/// <summary>A fitted binary model: its test metrics, its parameters and its value of the shared training objective.</summary>
/// <param name="Metrics">Test metrics.</param>
/// <param name="Parameters">The model's weights then bias (Single values widened to double).</param>
/// <param name="TrainObjective">(Σ ℓ + (λ/2)‖w‖²) / n over the training rows, nats per image.</param>
/// <param name="EpochParameters">
/// For an optimizer trainer, the weights then bias after epochs 1 … E of this very fit, rounded to Single; else empty.
/// </param>
internal sealed record BinaryFit(TrainerMetrics Metrics, double[] Parameters, double TrainObjective, IReadOnlyList<double[]> EpochParameters);
