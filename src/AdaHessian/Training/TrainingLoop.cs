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
        var session = Begin(objective, objective.AllRows.Length, optimizer, options, initialParameters, progress,
            cancellationToken, validation);
        return objective.AllRows.Length <= (options.BatchSize ?? int.MaxValue) ? session.FullBatch() : session.MiniBatch();
    }

    /// <summary>
    /// Trains on rows that arrive a block at a time (<paramref name="source"/>), each block's rows shuffled on their
    /// own and taken in mini-batches of <see cref="TrainingOptions.BatchSize"/> (a batch never spans two blocks), and
    /// returns the result. What needs the full objective — the tolerance, the divergence check, the observer and the
    /// result's objective — is measured on <paramref name="sample"/>, rows of the same data held in memory.
    /// </summary>
    /// <param name="source">The training rows, block by block, every epoch.</param>
    /// <param name="sample">The objective every epoch is measured on; the source's layout.</param>
    /// <param name="optimizer">How to step.</param>
    /// <param name="options">Epochs, batches, seed, curvature, stopping; <see cref="TrainingOptions.BatchSize"/> must be set.</param>
    /// <param name="initialParameters">The start (weights then bias); empty for zeros.</param>
    /// <param name="progress">Told after every epoch.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <param name="validation">As for <see cref="Run(IObjective, Optimizer, TrainingOptions, ReadOnlySpan{double}, IProgress{TrainingProgress}?, CancellationToken, IObjective?)"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// As for the in-memory run, or the batch size is not set, or the sample's layout is not the source's.
    /// </exception>
    /// <exception cref="TrainingDivergedException">As for the in-memory run, on the sample.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingResult RunStreamed(
        IRowBlockSource source,
        IObjective sample,
        Optimizer optimizer,
        TrainingOptions options,
        ReadOnlySpan<double> initialParameters = default,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default,
        IObjective? validation = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        if (sample.Layout != source.Layout)
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample.Layout, $"Must have the source's parameter layout, {source.Layout}.");
        }

        if (options.BatchSize is null)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Streamed rows train in mini-batches: set TrainingOptions.BatchSize.");
        }

        var session = Begin(sample, source.RowCount, optimizer, options, initialParameters, progress, cancellationToken,
            validation);
        return session.Streamed(source);
    }

    private static TrainingSession Begin(IObjective objective, long rowCount, Optimizer optimizer, TrainingOptions options,
        ReadOnlySpan<double> initialParameters, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken,
        IObjective? validation)
    {
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

        var session = new TrainingSession(objective, rowCount, optimizer, options, validation, progress, cancellationToken);
        initialParameters.CopyTo(session.Theta);
        return session;
    }
}
