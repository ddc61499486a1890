using AdaHessian.Training;
using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>
/// Writes each epoch's progress to an ML.NET channel, synchronously (so messages keep their order), then hands it to
/// the user's observer, if any.
/// </summary>
internal sealed class ChannelProgress(IChannel channel, IProgress<TrainingProgress>? observer = null) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        channel.Info(MessageSensitivity.None, "Epoch {0}/{1}: objective {2:G6}, gradient norm {3:G4}, {4} steps{5}.",
            value.Epoch, value.TotalEpochs, value.Objective, value.GradientNorm, value.Step,
            double.IsNaN(value.ValidationObjective) ? "" : $", validation loss {value.ValidationObjective:G6}");
        observer?.Report(value);
    }
}
