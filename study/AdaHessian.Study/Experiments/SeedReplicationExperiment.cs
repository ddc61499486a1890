using System.Diagnostics;
using AdaHessian.Study.Experiments.SeedReplication;
using AdaHessian.Study.Problems;
using AdaHessian.Training;

namespace AdaHessian.Study.Experiments;

/// <summary>
/// The classic single-sigmoid-neuron illustration, replicated: Adam and AdaHessian from (w, b) = (−2, −2), full
/// batch, (a) at one shared learning rate and (b) each at its own best rate on the profile's grid (lowest final
/// loss from that same start, ties to the smaller rate). Tests the often-repeated claim that AdaHessian stabilises
/// by about epoch 150 and Adam by about epoch 175 (<see cref="StabilisationClaim"/>), under two definitions of
/// "stabilises" (<see cref="SettledEpochs"/>).
/// </summary>
internal sealed class SeedReplicationExperiment : IExperiment
{
    /// <summary>
    /// The rate both optimizers get in setting (a). One shared value is what the classic illustration compares;
    /// 0.1 is within a factor 1.5 of AdaHessian's official default (0.15) and a common Adam rate for small problems,
    /// so it is typical for both methods rather than tuned for either.
    /// </summary>
    public const double SharedLearningRate = 0.1;

    public string Name => "seed-replication";

    public ExperimentResult Run(StudyContext context)
    {
        var clock = Stopwatch.StartNew();
        int epochs = context.Profile.ToyEpochs;
        double[] grid = context.Profile.LearningRateGrid();
        IReadOnlyList<SeedVariant> variants = SeedVariant.All;
        context.Progress.Start(Name, variants.Count * (grid.Length + 1) + 6);

        var gridLosses = new List<(string Key, double?[] FinalLoss)>();
        var best = new Dictionary<string, SeedRun>();
        foreach (SeedVariant variant in variants)
        {
            var losses = new double?[grid.Length];
            for (int i = 0; i < grid.Length; i++)
            {
                SeedRun? run = Train(context, variant, grid[i], epochs);
                losses[i] = run?.FinalLoss;
                if (run is not null && (!best.TryGetValue(variant.Key, out SeedRun? current) || run.FinalLoss < current.FinalLoss))
                {
                    best[variant.Key] = run;
                }

                context.Progress.Advance();
            }

            gridLosses.Add((variant.Key, losses));
            if (!best.ContainsKey(variant.Key))
            {
                throw new InvalidOperationException($"{variant.Label} diverged at every rate of the grid.");
            }
        }

        var shared = new Dictionary<string, SeedRun>();
        foreach (SeedVariant variant in variants)
        {
            shared[variant.Key] = Train(context, variant, SharedLearningRate, epochs)
                ?? throw new InvalidOperationException($"{variant.Label} diverged at the shared rate {SharedLearningRate}.");
            context.Progress.Advance();
        }

        SeedSetting[] settings =
        [
            new("shared-lr", $"(a) shared learning rate η = {SeedReplicationReport.Short(SharedLearningRate)}", shared),
            new("best-lr", "(b) each at its best learning rate", best),
        ];
        var outcome = new SeedReplicationOutcome(settings, grid, gridLosses, epochs);
        SeedReplicationOutputs.WriteTrajectories(context, outcome);
        SeedReplicationOutputs.WriteFigures(context, outcome);
        var summary = SeedReplicationReport.Summary(outcome);
        return new ExperimentResult(summary, SeedReplicationReport.Markdown(settings, summary),
            [new TimingRow(Name, "runs and figures", clock.Elapsed.TotalMilliseconds)]);
    }

    // Null when the run diverged at this rate.
    private static SeedRun? Train(StudyContext context, SeedVariant variant, double rate, int epochs)
    {
        var options = new TrainingOptions
        {
            NumberOfEpochs = epochs, BatchSize = null, Seed = 0, Curvature = variant.Optimizer.Curvature,
            Divergence = DivergenceCheck.NonFinite, History = HistoryGranularity.Epoch, RecordParameters = true,
        };
        try
        {
            TrainingResult result = TrainingLoop.Run(ToyNeuron.Objective(), variant.Optimizer.Create(rate), options,
                [ToyNeuron.StartW, ToyNeuron.StartB], cancellationToken: context.Cancellation);
            return new SeedRun(variant, rate,
                result.History.Select(p => p.Parameters![0]).ToArray(),
                result.History.Select(p => p.Parameters![1]).ToArray(),
                result.History.Select(p => p.Objective).ToArray());
        }
        catch (TrainingDivergedException)
        {
            return null;
        }
    }
}
