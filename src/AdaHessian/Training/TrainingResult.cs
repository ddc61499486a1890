namespace AdaHessian.Training;

/// <summary>What a training run produced.</summary>
/// <param name="Parameters">The final parameters, laid out as the objective's <c>Layout</c> says (for a logistic neuron the weights followed by the bias; for a softmax layer one such block per class).</param>
/// <param name="Objective">The objective over all rows at <paramref name="Parameters"/>.</param>
/// <param name="GradientNorm">‖∇F‖₂ over all rows at <paramref name="Parameters"/>.</param>
/// <param name="Epochs">Epochs completed.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="Converged">True when training stopped because the tolerance was met.</param>
/// <param name="History">Recorded points, oldest first.</param>
public sealed record TrainingResult(
    double[] Parameters,
    double Objective,
    double GradientNorm,
    int Epochs,
    long Steps,
    bool Converged,
    IReadOnlyList<HistoryPoint> History)
{
    /// <summary>The weights of a one-block layout such as a logistic neuron: all parameters but the last.</summary>
    public ReadOnlySpan<double> Weights => Parameters.AsSpan(0, Parameters.Length - 1);

    /// <summary>The bias of a one-block layout such as a logistic neuron: the last parameter (for several blocks, the last block's bias).</summary>
    public double Bias => Parameters[^1];

    /// <summary>The validation objective at <see cref="Parameters"/>; NaN when training had no validation set.</summary>
    public double ValidationObjective { get; init; } = double.NaN;

    /// <summary>
    /// The epoch whose parameters were returned: the last one, or with early stopping the one with the lowest
    /// validation objective (0 = the starting point).
    /// </summary>
    public int SelectedEpoch { get; init; }

    /// <summary>True when training stopped because the validation objective stopped improving.</summary>
    public bool StoppedEarly { get; init; }
}
