using AdaHessian.Curvature;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using MathNet.Numerics.Random;

namespace AdaHessian.Training;

/// <summary>
/// Epochs × mini-batches of an <see cref="Optimizer"/> on an <see cref="IObjective"/>, with seeded shuffling, the
/// curvature estimate the optimizer needs (<see cref="TrainingOptions.Curvature"/>), history, a relative tolerance,
/// cancellation between steps and a per-epoch observer. A non-finite objective or parameter stops the run with
/// <see cref="TrainingDivergedException"/>.
/// </summary>
public static class TrainingLoop
{
    // Separate streams for the row order and the probes, so changing the batch size leaves the probes' seed alone.
    private const int ProbeSeedSalt = 0x2545F491;

    /// <summary>Trains from <paramref name="initialParameters"/> (zeros when null) and returns the result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is invalid, the initial parameters have the wrong length, or the curvature setting does not suit the
    /// optimizer (Adam takes none).
    /// </exception>
    /// <exception cref="TrainingDivergedException">The objective or a parameter became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainingResult Run(
        IObjective objective,
        Optimizer optimizer,
        TrainingOptions options,
        ReadOnlySpan<double> initialParameters = default,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
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

        if (!optimizer.UsesCurvature && options.Curvature is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Curvature,
                $"{optimizer.Name} uses no curvature: leave TrainingOptions.Curvature null.");
        }

        var run = new Session(objective, optimizer, options, progress, cancellationToken);
        initialParameters.CopyTo(run.Theta);
        return objective.AllRows.Length <= (options.BatchSize ?? int.MaxValue) ? run.FullBatch() : run.MiniBatch();
    }

    private sealed class Session(
        IObjective objective,
        Optimizer optimizer,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        private readonly double[] _gradient = new double[objective.ParameterCount];
        private readonly List<HistoryPoint> _history = [];
        private readonly CurvatureEstimator? _curvature = optimizer.UsesCurvature
            ? new CurvatureEstimator(options.Curvature ?? new CurvatureOptions(), objective.Layout, unchecked(options.Seed ^ ProbeSeedSalt))
            : null;

        private readonly OptimizerState _state = optimizer.Init(objective.Layout);
        private long _step;

        public double[] Theta { get; } = new double[objective.ParameterCount];

        // One pass per step: the evaluation after step t also supplies the gradient (and curvature) for step t + 1.
        public TrainingResult FullBatch()
        {
            ReadOnlyMemory<int> all = objective.AllRows;
            int epochs = options.NumberOfEpochs;
            double value = Evaluate(all, CurvatureDue(1));
            CheckObjective(value, 0, fullData: true);
            double norm = Record(0, value, fullData: true);
            bool converged = false;
            int epoch = 0;
            while (epoch < epochs && !converged)
            {
                cancellationToken.ThrowIfCancellationRequested();
                epoch++;
                TakeStep(epoch);
                double next = Evaluate(all, epoch < epochs && CurvatureDue(_step + 1));
                CheckObjective(next, epoch, fullData: true);
                norm = Record(epoch, next, fullData: true);
                progress?.Report(new TrainingProgress(epoch, epochs, _step, next, norm, Theta));
                converged = Converged(value, next);
                value = next;
            }

            return Result(value, norm, epoch, converged);
        }

        public TrainingResult MiniBatch()
        {
            ReadOnlyMemory<int> all = objective.AllRows;
            int rows = objective.AllRows.Length;
            int batchSize = options.BatchSize!.Value;
            int[] order = all.ToArray();
            var random = new Xoshiro256StarStar(options.Seed, threadSafe: false);
            double value = objective.Evaluate(all, Theta, _gradient);
            CheckObjective(value, 0, fullData: true);
            double norm = Record(0, value, fullData: true);
            bool converged = false;
            int epoch = 0;
            while (epoch < options.NumberOfEpochs && !converged)
            {
                cancellationToken.ThrowIfCancellationRequested();
                epoch++;
                if (options.Shuffle)
                {
                    Shuffle(order, random);
                }

                for (int start = 0; start < rows; start += batchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ReadOnlyMemory<int> batch = order.AsMemory(start, Math.Min(batchSize, rows - start));
                    double batchValue = Evaluate(batch, CurvatureDue(_step + 1));
                    CheckObjective(batchValue, epoch, fullData: false);
                    if (options.History == HistoryGranularity.Step)
                    {
                        Record(epoch - 1, batchValue, fullData: false);
                    }

                    TakeStep(epoch);
                }

                // The full-data pass is only needed by someone who reads it: history, progress, the tolerance, the result.
                if (!WantsEpochObjective(epoch))
                {
                    continue;
                }

                double next = objective.Evaluate(all, Theta, _gradient);
                CheckObjective(next, epoch, fullData: true);
                norm = Record(epoch, next, fullData: true);
                progress?.Report(new TrainingProgress(epoch, options.NumberOfEpochs, _step, next, norm, Theta));
                converged = Converged(value, next);
                value = next;
            }

            return Result(value, norm, epoch, converged);
        }

        private bool WantsEpochObjective(int epoch) =>
            epoch == options.NumberOfEpochs || progress is not null || options.OptimizationTolerance > 0 ||
            options.History != HistoryGranularity.None;

        private bool CurvatureDue(long step) => _curvature is not null && _curvature.Options.IsRefreshStep(step);

        private double Evaluate(ReadOnlyMemory<int> rows, bool refreshCurvature) => refreshCurvature
            ? _curvature!.EvaluateAndRefresh(objective, rows, Theta, _gradient)
            : objective.Evaluate(rows, Theta, _gradient);

        private void TakeStep(int epoch)
        {
            _step++;
            ReadOnlySpan<double> d = _curvature is null ? default : _curvature.Diagonal;
            optimizer.Step(_gradient, d, _state, Theta);
            foreach (double theta in Theta)
            {
                if (!double.IsFinite(theta))
                {
                    throw Diverged($"a parameter became {theta}", epoch);
                }
            }
        }

        private void CheckObjective(double value, int epoch, bool fullData)
        {
            if (!double.IsFinite(value))
            {
                throw Diverged($"the {(fullData ? "objective" : "mini-batch objective")} became {value}", epoch);
            }
        }

        private TrainingDivergedException Diverged(string what, int epoch) => new(
            $"Training diverged in epoch {epoch} at step {_step}: {what}. " +
            $"Try a smaller learning rate (currently {optimizer.LearningRate:G6} for {optimizer.Name}).",
            epoch, _step);

        private bool Converged(double previous, double current) =>
            options.OptimizationTolerance > 0 && Math.Abs(previous - current) <= options.OptimizationTolerance * Math.Abs(current);

        private double Record(int epoch, double value, bool fullData)
        {
            double squared = 0;
            foreach (double g in _gradient)
            {
                squared += g * g;
            }

            double norm = Math.Sqrt(squared);
            bool wanted = fullData ? options.History != HistoryGranularity.None : options.History == HistoryGranularity.Step;
            if (wanted)
            {
                double[]? parameters = options.RecordParameters ? (double[])Theta.Clone() : null;
                _history.Add(new HistoryPoint(epoch, _step, value, norm, fullData, parameters));
            }

            return norm;
        }

        private TrainingResult Result(double value, double norm, int epoch, bool converged) =>
            new((double[])Theta.Clone(), value, norm, epoch, _step, converged, _history);

        // Fisher–Yates with the seeded generator, so the order is the same on every platform.
        private static void Shuffle(int[] order, Xoshiro256StarStar random)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
    }
}
