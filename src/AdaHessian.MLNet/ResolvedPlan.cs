using AdaHessian.Optimizers;
using AdaHessian.Regularization;
using AdaHessian.Training;

namespace AdaHessian.MLNet;

/// <summary>A <see cref="TrainingPlan"/> settled for one data set: what will run, and the choices made from the data.</summary>
/// <param name="Description">The method and every automatic choice, for the log.</param>
/// <param name="Optimizer">The optimizer chain with its schedule.</param>
/// <param name="Training">The loop's settings, with the batch size and epochs chosen.</param>
/// <param name="LearningRate">η of the first step.</param>
/// <param name="Steps">The step budget the schedule decays over.</param>
/// <param name="Centred">True when the features were centred (dense, or stored sparse but at least half full).</param>
internal sealed record ResolvedPlan(string Description, Optimizer Optimizer, TrainingOptions Training, double LearningRate, long Steps,
    bool Centred)
{
    /// <summary>λ of the objective: given, or chosen from the data.</summary>
    public double L2Regularization { get; init; }

    /// <summary>How λ was chosen; null when it was given.</summary>
    public L2Choice? L2Choice { get; init; }

    /// <summary>Set when this plan retries a fit whose automatic η diverged; null for the first attempt.</summary>
    public DivergenceRetry? Retry { get; init; }
}
