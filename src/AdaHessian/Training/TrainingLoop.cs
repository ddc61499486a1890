using AdaHessian.Objective;
using AdaHessian.Optimizers;

namespace AdaHessian.Training;

/// <summary>
/// Epochs × mini-batches of an <see cref="Optimizer"/> on an <see cref="IObjective"/>, with seeded shuffling, the
/// curvature estimate the optimizer needs (<see cref="TrainingOptions.Curvature"/>), history, a relative tolerance,
/// early stopping on a validation objective, cancellation between steps and a per-epoch observer. A non-finite
/// objective or parameter, or (by default) an objective above its starting value, stops the run with
/// <see cref="TrainingDivergedException"/>.
/// </summary>
public static class TrainingLoop
{
    /// <summary>Trains from <paramref name="initialParameters"/> (zeros when empty) and returns the result.</summary>
    /// <param name="objective">What to minimize.</param>
    /// <param name="optimizer">How to step.</param>
    /// <param name="options">Epochs, batches, seed, curvature, stopping.</param>
    /// <param name="initialParameters">The start (weights then bias); empty for zeros.</param>
    /// <param name="progress">Told after every epoch.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <param name="validation">
    /// Evaluated after every epoch; with <see cref="TrainingOptions.EarlyStoppingRound"/> &gt; 0 training stops once
    /// it has not improved for that many epochs, and the result is the best epoch's parameters.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is invalid, the initial parameters or the validation objective have the wrong size, or the curvature
    /// setting does not suit the optimizer (Adam takes none).
    /// </exception>
    /// <exception cref="TrainingDivergedException">
    /// The objective or a parameter became NaN or infinite, or the objective rose above its starting value.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingResult Run(
        IObjective objective,
        Optimizer optimizer,
        TrainingOptions options,
        ReadOnlySpan<double> initialParameters = default,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default,
        IObjective? validation = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int p = objective.ParameterCount;
        if (initialParameters.Length != 0 && initialParameters.Length != p)
        {
            throw new ArgumentOutOfRangeException(nameof(initialParameters), $"Must hold {p} values (weights then bias), or none for zeros.");
        }

        if (validation is not null && validation.Layout != objective.Layout)
        {
            throw new ArgumentOutOfRangeException(nameof(validation), validation.Layout,
                $"Must have the training objective's parameter layout, {objective.Layout}.");
        }

        if (!optimizer.UsesCurvature && options.Curvature is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Curvature,
                $"{optimizer.Name} uses no curvature: leave TrainingOptions.Curvature null.");
        }

        var session = new TrainingSession(objective, optimizer, options, validation, progress, cancellationToken);
        initialParameters.CopyTo(session.Theta);
        return objective.AllRows.Length <= (options.BatchSize ?? int.MaxValue) ? session.FullBatch() : session.MiniBatch();
    }
}
