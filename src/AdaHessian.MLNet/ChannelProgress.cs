using AdaHessian.Training;
using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>
/// Writes each epoch's progress to an ML.NET channel, synchronously (so messages keep their order), then hands it to
/// the user's observer, if any. A fit of more than <see cref="LoggedEpochs"/> epochs (full batch, where an epoch is one
/// step, takes thousands) logs that many, evenly spaced, and its last; the observer hears of every epoch.
/// </summary>
internal sealed class ChannelProgress(IChannel channel, IProgress<TrainingProgress>? observer = null) : IProgress<TrainingProgress>
{
    /// <summary>At most about this many epoch lines per fit.</summary>
    public const int LoggedEpochs = 100;

    public void Report(TrainingProgress value)
    {
        int every = Math.Max(1, (value.TotalEpochs + LoggedEpochs - 1) / LoggedEpochs);
        if (value.Epoch % every == 0 || value.Epoch == value.TotalEpochs)
        {
            channel.Info(MessageSensitivity.None, "Epoch {0}/{1}: objective {2:G6}, gradient norm {3:G4}, {4} steps{5}.",
                value.Epoch, value.TotalEpochs, value.Objective, value.GradientNorm, value.Step,
                double.IsNaN(value.ValidationObjective) ? "" : $", validation loss {value.ValidationObjective:G6}");
        }

        observer?.Report(value);
    }
}
