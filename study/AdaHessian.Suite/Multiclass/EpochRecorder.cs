using System.Diagnostics;
using AdaHessian.Training;

namespace AdaHessian.Suite.Multiclass;

/// <summary>
/// An observer for a trainer's <c>Observer</c> option: keeps a copy of the parameters after every epoch, so that
/// they can be scored after the fit (scoring inside the fit would add to its time), the training objective the
/// trainer reported, and the time since the recorder was created (just before the fit: reading the data and choosing
/// L2 count, as they do for a user waiting for the model).
/// </summary>
internal sealed class EpochRecorder : IProgress<TrainingProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<double[]> _parameters = [];
    private readonly List<double> _objectives = [];
    private readonly List<double> _seconds = [];

    /// <summary>θ after epochs 1, 2, … in the order reported.</summary>
    public IReadOnlyList<double[]> Parameters => _parameters;

    /// <summary>The training objective the trainer reported after each epoch (at the L2 it trained with).</summary>
    public IReadOnlyList<double> Objectives => _objectives;

    /// <summary>Seconds from the recorder's creation to each epoch's report.</summary>
    public IReadOnlyList<double> Seconds => _seconds;

    public void Report(TrainingProgress value)
    {
        _seconds.Add(_clock.Elapsed.TotalSeconds);
        _objectives.Add(value.Objective);
        _parameters.Add(value.Parameters.ToArray());
    }
}
