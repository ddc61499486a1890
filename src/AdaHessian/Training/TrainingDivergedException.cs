namespace AdaHessian.Training;

/// <summary>Training produced a non-finite objective or parameter; no model is returned.</summary>
public sealed class TrainingDivergedException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException(string message, int epoch, long step)
        : base(message)
    {
        Epoch = epoch;
        Step = step;
    }

    /// <summary>The epoch (1-based; 0 = before the first step) in which the divergence was seen.</summary>
    public int Epoch { get; }

    /// <summary>The optimizer step (1-based; 0 = before the first step) at which it was seen.</summary>
    public long Step { get; }
}
