using System.Diagnostics;
using AdaHessian.Study.Experiments.Sweep;

namespace AdaHessian.Study.Experiments;

/// <summary>
/// Seeded sweeps: seeds × log-spaced learning rates × {Adam, AdaHessian k=1, k=0.5, exact diagonal} × {toy neuron
/// from random starts, synthetic logistic regression with κ ∈ profile, axis-aligned and rotated}. Reports each
/// optimizer's best rate, quartiles of the final suboptimality, epochs to the 1 % target, divergences, sensitivity
/// curves and seed-paired tests against Adam. Runs go in parallel, one single-threaded objective each, and every
/// result is stored at its own index, so the outputs do not depend on the thread count.
/// </summary>
internal sealed class SweepExperiment : IExperiment
{
    public string Name => "sweep";

    public ExperimentResult Run(StudyContext context)
    {
        StudyProfile profile = context.Profile;
        IReadOnlyList<SweepProblem> problems = SweepProblem.All(profile);
        IReadOnlyList<OptimizerVariant> optimizers = SweepOptimizer.All;
        double[] rates = profile.LearningRateGrid();
        int[] seeds = Enumerable.Range(0, profile.Seeds).ToArray();

        var clock = Stopwatch.StartNew();
        var instances = new SweepInstance[problems.Count, seeds.Length];
        context.ForEach("sweep: problem instances and their optima", instances.Length,
            i => instances[i / seeds.Length, i % seeds.Length] = problems[i / seeds.Length].Create(profile, seeds[i % seeds.Length]));
        double instanceMilliseconds = clock.Elapsed.TotalMilliseconds;

        var runs = new SweepRun[problems.Count, optimizers.Count, rates.Length, seeds.Length];
        context.ForEach("sweep: training runs", runs.Length, i =>
        {
            int s = i % seeds.Length, r = i / seeds.Length % rates.Length;
            int o = i / (seeds.Length * rates.Length) % optimizers.Count, p = i / (seeds.Length * rates.Length * optimizers.Count);
            runs[p, o, r, s] = SweepRun.Execute(instances[p, s], problems[p].Epochs, optimizers[o].Create(rates[r]), optimizers[o].Curvature, seeds[s],
                context.Cancellation);
        });
        double runMilliseconds = clock.Elapsed.TotalMilliseconds - instanceMilliseconds;

        var analysis = new SweepAnalysis(problems, optimizers, rates, seeds, instances, runs);
        SweepOutputs.WriteTables(context, analysis);
        SweepFigures figures = SweepOutputs.WriteFigures(context, analysis);
        var timings = new List<TimingRow>
        {
            new(Name, "problem instances and Newton optima", instanceMilliseconds),
            new(Name, $"{runs.Length} training runs ({Environment.ProcessorCount} threads)", runMilliseconds),
        };
        timings.AddRange(EpochTimings(analysis));
        return new ExperimentResult(SweepReport.Summary(analysis), SweepReport.Markdown(analysis, figures), timings);
    }

    // Mean wall clock per epoch for each optimizer on the toy and on the synthetic problems.
    private IEnumerable<TimingRow> EpochTimings(SweepAnalysis analysis)
    {
        foreach (bool toy in new[] { true, false })
        {
            for (int o = 0; o < analysis.Optimizers.Count; o++)
            {
                var perEpoch = new List<double>();
                for (int p = 0; p < analysis.Problems.Count; p++)
                {
                    if (analysis.Problems[p].IsToy == toy)
                    {
                        for (int r = 0; r < analysis.Rates.Length; r++)
                        {
                            for (int s = 0; s < analysis.Seeds.Length; s++)
                            {
                                perEpoch.Add(analysis.Runs[p, o, r, s].MillisecondsPerEpoch);
                            }
                        }
                    }
                }

                yield return new TimingRow(Name, $"{analysis.Optimizers[o].Label}, {(toy ? "toy neuron" : "synthetic")}: mean per epoch",
                    perEpoch.Average());
            }
        }
    }
}
