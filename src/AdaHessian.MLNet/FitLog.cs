using AdaHessian.Training;
using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>The log lines every trainer writes around a fit, in one wording: the L2 strength, its doubts, and the end.</summary>
internal static class FitLog
{
    /// <summary>"L2 0.3162 (chosen by …)" or "L2 1 (given)", for the line that describes the plan.</summary>
    public static string L2(ResolvedPlan plan) =>
        plan.L2Choice?.Describe() ?? FormattableString.Invariant($"L2 {plan.L2Regularization:G4} (given)");

    /// <summary>
    /// A warning when the L2 search doubted its choice (at the edge of its range, a fallback), and when the plan
    /// retries a fit whose automatic η diverged.
    /// </summary>
    public static void WarnIfDoubtful(IChannel channel, string trainer, ResolvedPlan plan)
    {
        if (plan.Retry is { } retry)
        {
            channel.Warning(MessageSensitivity.None,
                "{0}: the automatic learning rate diverged ({1}); starting again with η {2:G4}, retry {3} of {4}.",
                trainer, retry.Reason, plan.LearningRate, retry.Attempt, DivergenceRetry.MaximumRetries);
        }

        if (plan.L2Choice?.Warning is { } doubt)
        {
            channel.Warning(MessageSensitivity.None, "{0}: the L2 strength {1:G4} may not suit this data: {2}.",
                trainer, plan.L2Regularization, doubt);
        }
    }

    /// <summary>The end of a fit: epochs, steps, time, objective, convergence, and the validation outcome when there was a set.</summary>
    public static void Finished(IChannel channel, string trainer, TrainingResult result, TimeSpan elapsed, bool validated) =>
        channel.Info(MessageSensitivity.None, "{0} finished after {1} epochs ({2} steps) in {3:0.###} s: objective {4:G6}{5}{6}.",
            trainer, result.Epochs, result.Steps, elapsed.TotalSeconds, result.Objective,
            result.Converged ? ", converged within the tolerance" : "",
            !validated ? "" : $", validation loss {result.ValidationObjective:G6} at epoch {result.SelectedEpoch}" +
                (result.StoppedEarly ? " (stopped early)" : ""));
}
