using AdaHessian.Training;

namespace AdaHessian.MLNet.Tests.TestSupport;

/// <summary>An observer that hands every report to a callback, synchronously.</summary>
internal sealed class Observer(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => onReport(value);
}
