namespace AdaHessian.Training;

/// <summary>Which points the training loop records.</summary>
public enum HistoryGranularity
{
    /// <summary>Nothing beyond the final result.</summary>
    None,

    /// <summary>The start and the end of every epoch, with the objective over all rows.</summary>
    Epoch,

    /// <summary>Every epoch point plus, for mini-batches, the point before every step with that step's batch objective.</summary>
    Step,
}
