using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

/// <summary>What a run records: a point per epoch (or per step) and, when asked, the parameters.</summary>
public class TrainingHistoryTests
{
    private static LogisticObjective Separable(int rows) => TrainingLoopTests.Separable(rows);

    [Theory]
    [InlineData(null)]
    [InlineData(25)]
    public void History_has_one_point_per_epoch_plus_the_start(int? batch)
    {
        LogisticObjective objective = Separable(rows: 100);
        double[] start = [0.1, -0.2, 0.3, 0.0, 0.5, -1.0];
        const int epochs = 6;

        TrainingResult result = TrainingLoop.Run(objective, Optimizer.AdaHessian(),
            new TrainingOptions { NumberOfEpochs = epochs, BatchSize = batch }, start);

        Assert.Equal(epochs + 1, result.History.Count);
        Assert.Equal(start, result.History[0].Parameters);
        Assert.Equal(0, result.History[0].Step);
        int stepsPerEpoch = batch is null ? 1 : 4;
        for (int e = 0; e <= epochs; e++)
        {
            HistoryPoint point = result.History[e];
            Assert.Equal(e, point.Epoch);
            Assert.Equal(e * stepsPerEpoch, point.Step);
            Assert.True(point.FullData);
            var g = new double[start.Length];
            double value = objective.Evaluate(objective.AllRows, point.Parameters, g);
            Assert.Equal(value, point.Objective, 14);
            Assert.Equal(Math.Sqrt(g.Sum(v => v * v)), point.GradientNorm, 14);
        }

        Assert.Equal(result.History[^1].Parameters, result.Parameters);
        Assert.Equal(result.History[^1].Objective, result.Objective);
        Assert.Equal(result.History[^1].GradientNorm, result.GradientNorm);
        Assert.Equal(epochs, result.Epochs);
        Assert.False(result.Converged);
        Assert.Equal([0.1, -0.2, 0.3, 0.0, 0.5, -1.0], start); // the caller's start is not modified
    }

    [Fact]
    public void Mini_batch_step_history_records_each_batch_objective_before_its_step()
    {
        // 50 rows in batches of 16 without shuffling: rows 0–15, 16–31, 32–47, 48–49 every epoch.
        LogisticObjective objective = Separable(rows: 50);
        const int epochs = 3;
        TrainingResult result = TrainingLoop.Run(objective, Optimizer.Adam(new AdamOptions { LearningRate = 0.05 }),
            new TrainingOptions { NumberOfEpochs = epochs, BatchSize = 16, Shuffle = false, History = HistoryGranularity.Step });

        Assert.Equal(epochs * 4 + epochs + 1, result.History.Count);
        Assert.Equal(12, result.Steps);
        var batches = new[] { (0, 16), (16, 16), (32, 16), (48, 2) };
        int index = 0;
        Assert.True(result.History[index++].FullData);
        for (int e = 1; e <= epochs; e++)
        {
            foreach ((int first, int count) in batches)
            {
                HistoryPoint point = result.History[index++];
                Assert.False(point.FullData);
                Assert.Equal(e - 1, point.Epoch);
                Assert.Equal((e - 1) * 4 + Array.IndexOf(batches, (first, count)), point.Step);
                int[] rows = Enumerable.Range(first, count).ToArray();
                var g = new double[objective.ParameterCount];
                Assert.Equal(objective.Evaluate(rows, point.Parameters, g), point.Objective, 14);
                Assert.Equal(Math.Sqrt(g.Sum(v => v * v)), point.GradientNorm, 14);
            }

            HistoryPoint end = result.History[index++];
            Assert.True(end.FullData);
            Assert.Equal(e, end.Epoch);
            Assert.Equal(e * 4, end.Step);
        }
    }

    [Fact]
    public void History_can_be_switched_off_or_recorded_without_parameters()
    {
        LogisticObjective objective = Separable(rows: 60);
        TrainingResult none = TrainingLoop.Run(objective, Optimizer.Adam(), new TrainingOptions { NumberOfEpochs = 3, History = HistoryGranularity.None });
        TrainingResult bare = TrainingLoop.Run(objective, Optimizer.Adam(), new TrainingOptions { NumberOfEpochs = 3, RecordParameters = false });

        Assert.Empty(none.History);
        Assert.Equal(4, bare.History.Count);
        Assert.All(bare.History, h => Assert.Null(h.Parameters));
        Assert.Equal(none.Parameters, bare.Parameters);
    }
}
