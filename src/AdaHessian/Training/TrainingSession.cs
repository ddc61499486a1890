using AdaHessian.Curvature;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using MathNet.Numerics.Random;

namespace AdaHessian.Training;

/// <summary>One run of <see cref="TrainingLoop"/>: the parameters, the optimizer's and the curvature's state, the history.</summary>
internal sealed class TrainingSession(
    IObjective objective,
    long rowCount,
    Optimizer optimizer,
    TrainingOptions options,
    IObjective? validation,
    IProgress<TrainingProgress>? progress,
    CancellationToken cancellationToken)
{
    // Separate streams for the row order and the probes, so changing the batch size leaves the probes' seed alone.
    private const int ProbeSeedSalt = 0x2545F491;

    private readonly double[] _gradient = new double[objective.ParameterCount];
    private readonly List<HistoryPoint> _history = [];
    private readonly CurvatureEstimator? _curvature = optimizer.UsesCurvature
        ? new CurvatureEstimator(options.Curvature ?? new CurvatureOptions(), objective.Layout, unchecked(options.Seed ^ ProbeSeedSalt))
        : null;

    private readonly OptimizerState _state = optimizer.Init(objective.Layout);

    // The epochs this run takes: enough for the minimum number of steps.
    private readonly int _epochs = AutomaticBudget.Epochs(rowCount,
        (int)Math.Clamp(options.BatchSize ?? int.MaxValue, 1, Math.Max(1, rowCount)), options.NumberOfEpochs,
        options.MinimumNumberOfSteps);
    private readonly Xoshiro256StarStar _random = new(options.Seed, threadSafe: false);
    private EpochMonitor _monitor = null!;
    private double[] _start = [];
    private long _step;

    public double[] Theta { get; } = new double[objective.ParameterCount];

    private string Hint => $"Try a smaller learning rate (currently {optimizer.LearningRate:G6} for {optimizer.Name}).";

    // One pass per step: the evaluation after step t also supplies the gradient (and curvature) for step t + 1.
    public TrainingResult FullBatch()
    {
        ReadOnlyMemory<int> all = objective.AllRows;
        int epochs = _epochs;
        double value = Evaluate(all, CurvatureDue(1));
        double norm = Begin(value, FullBatchCheckWindow);
        bool stop = false;
        int epoch = 0;
        while (epoch < epochs && !stop)
        {
            cancellationToken.ThrowIfCancellationRequested();
            epoch++;
            TakeStep(epoch);
            value = Evaluate(all, epoch < epochs && CurvatureDue(_step + 1));
            (norm, stop) = EndEpoch(epoch, value);
        }

        return Result(value, norm, epoch);
    }

    public TrainingResult MiniBatch()
    {
        int[] order = objective.AllRows.ToArray();
        return Epochs(epoch => TrainBlock(objective, order, epoch));
    }

    // Each block's rows are shuffled on their own, in the order the blocks come; objective (a sample held in memory)
    // measures the epochs.
    public TrainingResult Streamed(IRowBlockSource source)
    {
        int[] order = [];
        return Epochs(epoch =>
        {
            foreach (IObjective block in source.Blocks(epoch - 1))
            {
                if (order.Length != block.AllRows.Length)
                {
                    order = new int[block.AllRows.Length];
                }

                block.AllRows.Span.CopyTo(order);
                TrainBlock(block, order, epoch);
            }
        });
    }

    // The mini-batch epochs: trainEpoch takes an epoch's steps, the objective measures each epoch when someone reads it.
    private TrainingResult Epochs(Action<int> trainEpoch)
    {
        double value = objective.Evaluate(objective.AllRows, Theta, _gradient);
        double norm = Begin(value, window: 1);
        bool stop = false;
        int epoch = 0;
        while (epoch < _epochs && !stop)
        {
            cancellationToken.ThrowIfCancellationRequested();
            epoch++;
            trainEpoch(epoch);
            (value, norm, stop) = EndMiniBatchEpoch(epoch, value, norm);
        }

        return Result(value, norm, epoch);
    }

    // One epoch's mini-batches over the rows of block, in order (shuffled first when the options say so).
    private void TrainBlock(IObjective block, int[] order, int epoch)
    {
        int rows = order.Length;
        int batchSize = options.BatchSize!.Value;
        if (options.Shuffle)
        {
            Shuffle(order, _random);
        }

        for (int start = 0; start < rows; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadOnlyMemory<int> batch = order.AsMemory(start, Math.Min(batchSize, rows - start));
            double batchValue = Evaluate(block, batch, CurvatureDue(_step + 1));
            CheckFinite(batchValue, epoch, fullData: false);
            if (options.History == HistoryGranularity.Step)
            {
                Record(epoch - 1, batchValue, fullData: false);
            }

            TakeStep(epoch);
        }
    }

    // The full-data pass is only needed by someone who reads it: history, progress, the tolerance, the validation set,
    // the result.
    private (double Value, double Norm, bool Stop) EndMiniBatchEpoch(int epoch, double value, double norm)
    {
        if (!WantsEpochObjective(epoch))
        {
            return (value, norm, false);
        }

        value = objective.Evaluate(objective.AllRows, Theta, _gradient);
        (norm, bool stop) = EndEpoch(epoch, value);
        return (value, norm, stop);
    }

    // Full-batch runs check the objective's trend over windows of this many steps, mini-batch runs once per epoch.
    private const int FullBatchCheckWindow = 10;

    private double Begin(double value, int window)
    {
        CheckFinite(value, 0, fullData: true);
        _monitor = new EpochMonitor(options, validation, value, window);
        _monitor.ObserveStart(Theta);
        _start = (double[])Theta.Clone();
        return Record(0, value, fullData: true);
    }

    private (double Norm, bool Stop) EndEpoch(int epoch, double value)
    {
        CheckFinite(value, epoch, fullData: true);
        double norm = Record(epoch, value, fullData: true);
        bool stop = _monitor.Observe(epoch, _step, value, Theta, Hint);
        progress?.Report(new TrainingProgress(epoch, _epochs, _step, value, norm, Theta, _monitor.Validation));
        return (norm, stop);
    }

    private bool WantsEpochObjective(int epoch) =>
        epoch == _epochs || progress is not null || options.OptimizationTolerance > 0 ||
        options.History != HistoryGranularity.None || validation is not null;

    private bool CurvatureDue(long step) => _curvature is not null && _curvature.Options.IsRefreshStep(step);

    private double Evaluate(ReadOnlyMemory<int> rows, bool refreshCurvature) => Evaluate(objective, rows, refreshCurvature);

    private double Evaluate(IObjective rowsOf, ReadOnlyMemory<int> rows, bool refreshCurvature) => refreshCurvature
        ? _curvature!.EvaluateAndRefresh(rowsOf, rows, Theta, _gradient)
        : rowsOf.Evaluate(rows, Theta, _gradient);

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

    private void CheckFinite(double value, int epoch, bool fullData)
    {
        if (!double.IsFinite(value))
        {
            throw Diverged($"the {(fullData ? "objective" : "mini-batch objective")} became {value}", epoch);
        }
    }

    private TrainingDivergedException Diverged(string what, int epoch) =>
        new($"Training diverged in epoch {epoch} at step {_step}: {what}. {Hint}", epoch, _step);

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

    // With early stopping the result is the best validation epoch's θ, evaluated once more on the training rows.
    private TrainingResult Result(double value, double norm, int epoch)
    {
        double[] parameters = (double[])Theta.Clone();
        (double best, int bestEpoch) = _monitor.BestValidation;
        bool selected = validation is not null && options.EarlyStoppingRound > 0 && bestEpoch != epoch;
        if (selected)
        {
            parameters = _monitor.BestParameters.ToArray();
            value = objective.Evaluate(objective.AllRows, parameters, _gradient);
            norm = Math.Sqrt(_gradient.Sum(g => g * g));
        }

        if (_monitor.EndsAtStart(epoch, _step, value, Hint))
        {
            parameters = _start;
            value = objective.Evaluate(objective.AllRows, parameters, _gradient);
            norm = Math.Sqrt(_gradient.Sum(g => g * g));
        }

        return new TrainingResult(parameters, value, norm, epoch, _step, _monitor.Converged, _history)
        {
            ValidationObjective = selected ? best : _monitor.Validation,
            SelectedEpoch = selected ? bestEpoch : epoch,
            StoppedEarly = _monitor.StoppedEarly,
        };
    }

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
