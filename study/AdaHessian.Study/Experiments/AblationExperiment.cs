using System.Diagnostics;
using AdaHessian.Study.Experiments.Ablation;
using AdaHessian.Study.Experiments.Sweep;

namespace AdaHessian.Study.Experiments;

/// <summary>
/// The ablation of the trainers' defaults: the sweep's seeded synthetic problems (κ ∈ profile, axis-aligned and
/// rotated, L2 = 1) and two larger ones that the trainers take in mini-batches (<see cref="AblationProblem"/>), each fitted by the defaults of AdaHessianTrainer, by the official update, by the defaults with one
/// choice undone (curvature source, decay, centring), and by AdamTrainer's defaults — through the same training plan
/// as <c>Fit</c> — and measured on the instance's objective against Newton's optimum, paired seed by seed.
/// </summary>
internal sealed class AblationExperiment : IExperiment
{
    public string Name => "ablation";

    public ExperimentResult Run(StudyContext context)
    {
        StudyProfile profile = context.Profile;
        IReadOnlyList<AblationProblem> problems = AblationProblem.All(profile);
        IReadOnlyList<AblationVariant> variants = AblationVariant.All;
        int seeds = profile.Seeds;
        var clock = Stopwatch.StartNew();
        var instances = new SweepInstance[problems.Count * seeds];
        context.ForEach("ablation: problem instances and their optima", instances.Length,
            i => instances[i] = problems[i / seeds].Create(i % seeds));
        var runs = new AblationRun[variants.Count, instances.Length];
        context.ForEach("ablation: training runs", runs.Length, i =>
        {
            int v = i / instances.Length, k = i % instances.Length;
            runs[v, k] = AblationRun.Execute(instances[k], variants[v], k % seeds, context.Cancellation);
        });

        var analysis = new AblationAnalysis(problems, variants, seeds, runs);
        var timings = new List<TimingRow> { new(Name, $"{runs.Length} fits and {instances.Length} Newton optima", clock.Elapsed.TotalMilliseconds) };
        return new ExperimentResult(analysis.Summary(), analysis.Markdown(), timings);
    }
}
