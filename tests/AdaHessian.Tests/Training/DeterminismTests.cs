using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;
using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

public class DeterminismTests
{
    private static void AssertIdentical(TrainingResult a, TrainingResult b)
    {
        Assert.Equal(a.History.Count, b.History.Count);
        for (int i = 0; i < a.History.Count; i++)
        {
            HistoryPoint x = a.History[i], y = b.History[i];
            Assert.Equal((x.Epoch, x.Step, x.FullData), (y.Epoch, y.Step, y.FullData));
            Approx.Bitwise(x.Objective, y.Objective, $"objective {i}");
            Approx.Bitwise(x.GradientNorm, y.GradientNorm, $"gradient norm {i}");
            Approx.Bitwise(x.Parameters, y.Parameters, $"parameters {i}");
        }

        Approx.Bitwise(a.Parameters, b.Parameters, "final parameters");
        Assert.Equal((a.Epochs, a.Steps, a.Converged), (b.Epochs, b.Steps, b.Converged));
    }

    private static LogisticObjective Objective(int rows = 200, int? threads = null, bool sparse = false) =>
        new(TestData.Random(rows, columns: 9, seed: 91, zeroFraction: 0.4).Dataset(sparse), LossKind.LogLoss, 0.1, threads);

    // AdaHessian with N Hutchinson probes, blocks of 2 and a refresh every second step.
    private static TrainingResult Hutchinson(LogisticObjective objective, TrainingOptions options, int samples = 1) =>
        TrainingLoop.Run(objective, Optimizer.AdaHessian(), options with
        {
            Curvature = new CurvatureOptions(HutchinsonSamples: samples, SpatialAverageBlockSize: 2, HessianUpdateInterval: 2),
        });

    [Fact]
    public void Skipping_the_per_epoch_objective_when_nobody_reads_it_leaves_the_result_unchanged()
    {
        var recorded = new TrainingOptions { NumberOfEpochs = 6, BatchSize = 32, Seed = 7, History = HistoryGranularity.Epoch };
        TrainingResult withHistory = Hutchinson(Objective(), recorded);
        TrainingResult without = Hutchinson(Objective(), recorded with { History = HistoryGranularity.None });

        Assert.Empty(without.History);
        Approx.Bitwise(withHistory.Parameters, without.Parameters, "final parameters");
        Approx.Bitwise(withHistory.Objective, without.Objective, "final objective");
        Approx.Bitwise(withHistory.GradientNorm, without.GradientNorm, "final gradient norm");
        Assert.Equal((6, withHistory.Steps), (without.Epochs, without.Steps));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(32)]
    public void Same_seed_gives_bitwise_identical_histories(int? batch)
    {
        LogisticObjective objective = Objective();
        var options = new TrainingOptions { NumberOfEpochs = 8, BatchSize = batch, Seed = 12345, History = HistoryGranularity.Step };

        TrainingResult a = Hutchinson(objective, options, samples: 2);
        TrainingResult b = Hutchinson(Objective(), options, samples: 2);

        AssertIdentical(a, b);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(32)]
    public void Different_seeds_give_different_trajectories(int? batch)
    {
        // Full batch: only the Hutchinson probes depend on the seed. Mini-batch: the row order too.
        LogisticObjective objective = Objective();
        var options = new TrainingOptions { NumberOfEpochs = 5, BatchSize = batch, Seed = 1 };

        TrainingResult a = Hutchinson(objective, options);
        TrainingResult b = Hutchinson(objective, options with { Seed = 2 });

        Approx.Bitwise(a.History[0].Parameters, b.History[0].Parameters, "same start");
        Assert.NotEqual(a.History[1].Parameters, b.History[1].Parameters);
        Assert.NotEqual(a.Parameters, b.Parameters);
    }

    [Fact]
    public void Seed_does_not_matter_for_full_batch_exact_curvature()
    {
        LogisticObjective objective = Objective();
        var exact = Optimizer.AdaHessian();
        var curvature = new CurvatureOptions(CurvatureKind.ExactDiagonal);

        AssertIdentical(
            TrainingLoop.Run(objective, exact, new TrainingOptions { NumberOfEpochs = 5, Seed = 1, Curvature = curvature }),
            TrainingLoop.Run(objective, exact, new TrainingOptions { NumberOfEpochs = 5, Seed = 2, Curvature = curvature }));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(3000, true)]
    public void Training_is_bitwise_identical_for_any_thread_count(int? batch, bool sparse)
    {
        // 5000 rows: every full pass (and the 3000-row batches) is split into chunks and run in parallel.
        var options = new TrainingOptions { NumberOfEpochs = 3, BatchSize = batch, Seed = 7, History = HistoryGranularity.Step };

        TrainingResult one = Hutchinson(Objective(5000, threads: 1, sparse), options, samples: 3);
        TrainingResult two = Hutchinson(Objective(5000, threads: 2, sparse), options, samples: 3);
        TrainingResult four = Hutchinson(Objective(5000, threads: 4, sparse), options, samples: 3);

        AssertIdentical(one, two);
        AssertIdentical(one, four);
    }

    [Fact]
    public void The_seed_drives_the_mini_batch_order()
    {
        // Adam draws no probes, so only the shuffle can make seeds differ; without shuffling they cannot.
        LogisticObjective objective = Objective();
        var adam = Optimizer.Adam(new AdamOptions { LearningRate = 0.01 });
        var options = new TrainingOptions { NumberOfEpochs = 3, BatchSize = 32, Seed = 1 };

        Assert.NotEqual(TrainingLoop.Run(objective, adam, options).Parameters,
            TrainingLoop.Run(objective, adam, options with { Seed = 2 }).Parameters);
        AssertIdentical(TrainingLoop.Run(objective, adam, options with { Shuffle = false }),
            TrainingLoop.Run(objective, adam, options with { Shuffle = false, Seed = 2 }));
    }
}
