using System.Text.Json.Nodes;

namespace AdaHessian.Study.Experiments;

/// <summary>Placeholder until the experiment is implemented.</summary>
internal sealed class CurvatureAccuracyExperiment : IExperiment
{
    public string Name => "curvature-accuracy";

    public ExperimentResult Run(StudyContext context) => new(new JsonObject(), "", []);
}
