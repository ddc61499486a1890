using AdaHessian.Training;

namespace AdaHessian.Suite.Multiclass;

/// <summary>
/// An observer for a trainer's <c>Observer</c> option: keeps a copy of the parameters after every epoch, so that
/// they can be scored after the fit (scoring inside the fit would add to its time).
/// </summary>
internal sealed class EpochRecorder : IProgress<TrainingProgress>
{
    private readonly List<double[]> _parameters = [];

    /// <summary>θ after epochs 1, 2, … in the order reported.</summary>
    public IReadOnlyList<double[]> Parameters => _parameters;

    public void Report(TrainingProgress value) => _parameters.Add(value.Parameters.ToArray());
}
