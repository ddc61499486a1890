using System.Text.Json.Nodes;

namespace AdaHessian.Study.Experiments;

/// <summary>Placeholder until the experiment is implemented.</summary>
internal sealed class SweepExperiment : IExperiment
{
    public string Name => "sweep";

    public ExperimentResult Run(StudyContext context) => new(new JsonObject(), "", []);
}
