using AdaHessian.Objective;

namespace AdaHessian.Training;

/// <summary>
/// What the loop decides after each evaluation of the full objective: divergence (a rise above the start, when
/// <see cref="TrainingOptions.Divergence"/> says so), the relative tolerance, and early stopping on a validation
/// objective, whose best parameters it keeps (in a buffer allocated once).
/// </summary>
internal sealed class EpochMonitor
{
    private readonly TrainingOptions _options;
    private readonly IObjective? _validation;
    private readonly double[]? _best;
    private double _previous;
    private int _epochsWithoutImprovement;

    public EpochMonitor(TrainingOptions options, IObjective? validation, double start)
    {
        _options = options;
        _validation = validation;
        Start = start;
        _previous = start;
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

    /// <summary>True when the validation objective stopped improving for <see cref="TrainingOptions.EarlyStoppingRound"/> epochs.</summary>
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
        ThrowIfAboveStart(epoch, step, value, hint);
        Converged = _options.OptimizationTolerance > 0 &&
            Math.Abs(_previous - value) <= _options.OptimizationTolerance * Math.Abs(value);
        _previous = value;
        ObserveValidation(epoch, theta);
        return Converged || StoppedEarly;
    }

    /// <summary>Throws when <paramref name="value"/> lies above the start and that counts as divergence.</summary>
    public void ThrowIfAboveStart(int epoch, long step, double value, string hint)
    {
        if (_options.Divergence == DivergenceCheck.AboveStart && value > Start)
        {
            throw new TrainingDivergedException(
                $"Training diverged in epoch {epoch} at step {step}: the objective rose to {value:G6}, above its starting " +
                $"value {Start:G6}. {hint}", epoch, step);
        }
    }

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
        else if (++_epochsWithoutImprovement >= _options.EarlyStoppingRound && _options.EarlyStoppingRound > 0)
        {
            StoppedEarly = true;
        }
    }
}
