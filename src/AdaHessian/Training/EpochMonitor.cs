using AdaHessian.Objective;

namespace AdaHessian.Training;

/// <summary>
/// What the loop decides after each evaluation of the full objective: divergence (when
/// <see cref="TrainingOptions.Divergence"/> says so), the relative tolerance, and early stopping on a validation
/// objective, whose best parameters it keeps (in a buffer allocated once).
/// </summary>
/// <remarks>
/// A rise above the start is not divergence by itself: momentum methods often overshoot in their first steps and
/// come back within tens of steps. The monitor averages the objective over checks of <c>window</c> evaluations (one
/// per epoch in mini-batch runs, ten full-batch steps) and calls it divergence when a check lies more than
/// <see cref="AboveStartMargin"/> above the start and no lower than the one before, twice in a row, or that far above the
/// start <see cref="ChecksAboveStart"/> times in a row; and always when the objective the run ends with lies above the
/// start. The relative tolerance compares consecutive
/// checks too: one step of a momentum method can change the objective by almost nothing at the turn of an
/// oscillation, ten steps cannot.
/// </remarks>
internal sealed class EpochMonitor
{
    /// <summary>Consecutive checks above the start that count as divergence even while the objective falls.</summary>
    public const int ChecksAboveStart = 5;

    /// <summary>
    /// During the run a check counts as above the start only beyond this fraction of it: on data whose optimum is barely
    /// below the start, mini-batch noise wanders a few per cent above it until the learning rate decays. Runaways
    /// grow far beyond it; the end of the run is held to the start itself.
    /// </summary>
    public const double AboveStartMargin = 0.1;

    private readonly TrainingOptions _options;
    private readonly IObjective? _validation;
    private readonly double[]? _best;
    private readonly int _window;
    private double _previous;
    private int _epochsWithoutImprovement;
    private double _windowSum;
    private int _windowCount;
    private double _previousCheck;
    private int _risingAbove;
    private int _above;

    public EpochMonitor(TrainingOptions options, IObjective? validation, double start, int window)
    {
        _options = options;
        _validation = validation;
        _window = window;
        Start = start;
        _previous = start;
        _previousCheck = start;
        _best = validation is null ? null : new double[validation.ParameterCount];
    }

    /// <summary>F at the starting point.</summary>
    public double Start { get; }

    /// <summary>The validation objective after the last epoch; NaN without a validation set.</summary>
    public double Validation { get; private set; } = double.NaN;

    /// <summary>The lowest validation objective so far, and the epoch that reached it (0 = the start).</summary>
    public (double Value, int Epoch) BestValidation { get; private set; } = (double.PositiveInfinity, 0);

    /// <summary>True when the tolerance stopped the run.</summary>
    public bool Converged { get; private set; }

    /// <summary>
    /// True when the validation objective stopped improving for <see cref="TrainingOptions.EarlyStoppingRound"/> checks
    /// (epochs; windows of steps in full batch).
    /// </summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>The parameters of the best validation epoch; null without a validation set.</summary>
    public ReadOnlySpan<double> BestParameters => _best;

    /// <summary>Records the start's validation objective (epoch 0).</summary>
    public void ObserveStart(ReadOnlySpan<double> theta) => ObserveValidation(0, theta);

    /// <summary>
    /// Takes the full objective after <paramref name="epoch"/>; returns true when training should stop.
    /// </summary>
    /// <exception cref="TrainingDivergedException">The objective rose above the start's (if that counts as divergence).</exception>
    public bool Observe(int epoch, long step, double value, ReadOnlySpan<double> theta, string hint)
    {
        _windowSum += value;
        if (++_windowCount == _window)
        {
            double check = _windowSum / _windowCount;
            (_windowSum, _windowCount) = (0, 0);
            CheckTrend(epoch, step, check, hint);
            Converged = _options.OptimizationTolerance > 0 &&
                Math.Abs(_previous - check) <= _options.OptimizationTolerance * Math.Abs(check);
            _previous = check;
        }

        ObserveValidation(epoch, theta);
        return Converged || StoppedEarly;
    }

    /// <summary>
    /// An end this little above the start (a fraction of it) is no divergence but a run that could not improve on its
    /// start — a warm start at the optimum, where mini-batch noise leaves the end a few millionths above it: the run
    /// returns the start. Runaways end far above it.
    /// </summary>
    public const double NoImprovementMargin = 1e-4;

    /// <summary>
    /// What to return when the run ends with <paramref name="value"/>: the end (false), or the start (true) when the
    /// end lies above it by at most <see cref="NoImprovementMargin"/> of it; further above, when that counts as
    /// divergence, it throws.
    /// </summary>
    public bool EndsAtStart(int epoch, long step, double value, string hint)
    {
        if (_options.Divergence != DivergenceCheck.AboveStart || !(value > Start))
        {
            return false;
        }

        if (value - Start <= NoImprovementMargin * Math.Abs(Start))
        {
            return true;
        }

        throw Diverged(epoch, step, $"the objective ended at {value:G6}, above its starting value {Start:G6}", hint);
    }

    private void CheckTrend(int epoch, long step, double check, string hint)
    {
        if (_options.Divergence != DivergenceCheck.AboveStart)
        {
            return;
        }

        bool above = check > Start + AboveStartMargin * Math.Abs(Start);
        _above = above ? _above + 1 : 0;
        _risingAbove = above && check >= _previousCheck ? _risingAbove + 1 : 0;
        _previousCheck = check;
        if (_risingAbove >= 2 || _above >= ChecksAboveStart)
        {
            string what = _risingAbove >= 2 ? "kept rising" : $"stayed for {_above} checks";
            throw Diverged(epoch, step, $"the objective {what} above its starting value {Start:G6} (now {check:G6}" +
                (_window > 1 ? $", the mean of the last {_window} steps)" : ")"), hint);
        }
    }

    private static TrainingDivergedException Diverged(int epoch, long step, string what, string hint) =>
        new($"Training diverged in epoch {epoch} at step {step}: {what}. {hint}", epoch, step);

    private void ObserveValidation(int epoch, ReadOnlySpan<double> theta)
    {
        if (_validation is null)
        {
            return;
        }

        Validation = _validation.Value(_validation.AllRows, theta);
        if (Validation < BestValidation.Value)
        {
            BestValidation = (Validation, epoch);
            theta.CopyTo(_best);
            _epochsWithoutImprovement = 0;
        }
        else if (++_epochsWithoutImprovement >= _options.EarlyStoppingRound * _window && _options.EarlyStoppingRound > 0)
        {
            StoppedEarly = true;
        }
    }
}
