using AdaHessian.Training;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>
/// The observer a fit hands to an optimizer trainer: it keeps the parameters after every epoch, rounded to Single as
/// ML.NET's model stores them, so the last entry is the fitted model's weights then bias.
/// </summary>
internal sealed class EpochParameters : IProgress<TrainingProgress>
{
    private readonly List<double[]> _epochs = [];

    /// <summary>Weights then bias after epochs 1 … E.</summary>
    public IReadOnlyList<double[]> Epochs => _epochs;

    public void Report(TrainingProgress value)
    {
        ReadOnlySpan<double> theta = value.Parameters.Span;
        var rounded = new double[theta.Length];
        for (int j = 0; j < theta.Length; j++)
        {
            rounded[j] = (float)theta[j];
        }

        _epochs.Add(rounded);
    }
}
