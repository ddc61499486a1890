using System.Text.Json.Nodes;

namespace AdaHessian.Study.Experiments;

/// <summary>Placeholder until the experiment is implemented.</summary>
internal sealed class SeedReplicationExperiment : IExperiment
{
    public string Name => "seed-replication";

    public ExperimentResult Run(StudyContext context) => new(new JsonObject(), "", []);
}
