using System.Text.Json.Nodes;

namespace AdaHessian.Study.Experiments;

/// <summary>Placeholder until the experiment is implemented.</summary>
internal sealed class RealDataExperiment : IExperiment
{
    public string Name => "real-data";

    public ExperimentResult Run(StudyContext context) => new(new JsonObject(), "", []);
}
