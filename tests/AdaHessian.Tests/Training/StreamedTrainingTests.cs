using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;
using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

/// <summary>
/// <see cref="TrainingLoop.RunStreamed"/> against the in-memory loop: blocks that hold whole batches of the same rows
/// in the same order are the same steps, so the two runs must agree bit for bit.
/// </summary>
public class StreamedTrainingTests
{
    private const int Rows = 256, Columns = 7, Batch = 32;

    private static readonly TestProblem Problem = TestData.Random(Rows, Columns, seed: 5);

    // The objective of rows [from, from + count), with λ scaled by their share of the weight: F_B normalises λ by the
    // rows' own weight, and a block must penalise as the whole data does.
    private static LogisticObjective Objective(int from, int count)
    {
        var rows = new LogisticDataset(FeatureMatrix.Dense(count, Columns, Problem.Features[(from * Columns)..((from + count) * Columns)]),
            Problem.Labels[from..(from + count)], Problem.Weights?[from..(from + count)]);
        return new LogisticObjective(rows, LossKind.LogLoss, 0.05 * rows.TotalWeight / Problem.TotalWeight, null);
    }

    private static TrainingOptions Options(bool shuffle, int epochs) => new()
    {
        NumberOfEpochs = epochs,
        BatchSize = Batch,
        Shuffle = shuffle,
        Seed = 17,
        Curvature = new CurvatureOptions(HutchinsonSamples: 2, SpatialAverageBlockSize: 1, HessianUpdateInterval: 1),
        History = HistoryGranularity.Epoch,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Blocks_of_whole_batches_in_order_give_the_in_memory_run_bit_for_bit(int blocks)
    {
        LogisticObjective all = Objective(0, Rows);
        var source = new Blocks(Enumerable.Range(0, blocks).Select(b => Objective(b * Rows / blocks, Rows / blocks)).ToArray());

        TrainingResult memory = TrainingLoop.Run(all, Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = 0.05 }), Options(shuffle: false, epochs: 5));
        TrainingResult streamed = TrainingLoop.RunStreamed(source, all, Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = 0.05 }), Options(shuffle: false, epochs: 5));

        Approx.Bitwise(memory.Parameters, streamed.Parameters, "parameters");
        Assert.Equal(memory.History.Select(h => h.Objective), streamed.History.Select(h => h.Objective));
        Assert.Equal((5, 5L * Rows / Batch), (streamed.Epochs, streamed.Steps));
    }

    [Fact]
    public void One_block_shuffled_for_one_epoch_takes_the_in_memory_runs_batches()
    {
        LogisticObjective all = Objective(0, Rows);

        TrainingResult memory = TrainingLoop.Run(all, Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = 0.05 }), Options(shuffle: true, epochs: 1));
        TrainingResult streamed = TrainingLoop.RunStreamed(new Blocks([Objective(0, Rows)]), all, Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = 0.05 }),
            Options(shuffle: true, epochs: 1));
        TrainingResult unshuffled = TrainingLoop.Run(all, Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = 0.05 }), Options(shuffle: false, epochs: 1));

        Approx.Bitwise(memory.Parameters, streamed.Parameters, "parameters");
        Assert.NotEqual(unshuffled.Parameters, streamed.Parameters);
    }

    [Fact]
    public void Every_epochs_blocks_are_released_also_when_the_tolerance_stops_the_run()
    {
        LogisticObjective all = Objective(0, Rows);
        var source = new Blocks([Objective(0, Rows / 2), Objective(Rows / 2, Rows / 2)]);

        TrainingResult result = TrainingLoop.RunStreamed(source, all, Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = 0.05 }),
            Options(shuffle: true, epochs: 500) with { OptimizationTolerance = 1e-3 });

        Assert.True(result.Converged);
        Assert.InRange(result.Epochs, 2, 499);
        Assert.Equal(result.Epochs, source.Started);
        Assert.Equal(source.Started, source.Released);
    }

    [Fact]
    public void Streamed_rows_need_a_batch_size_and_a_sample_of_their_layout()
    {
        var source = new Blocks([Objective(0, Rows)]);
        var other = new LogisticObjective(TestData.Random(10, Columns + 1, seed: 2).Dataset(sparse: false), LossKind.LogLoss, 0, null);

        var noBatch = Assert.Throws<ArgumentOutOfRangeException>(() => TrainingLoop.RunStreamed(source, Objective(0, Rows),
            Optimizer.Adam(), new TrainingOptions { BatchSize = null }));
        var wrongSample = Assert.Throws<ArgumentOutOfRangeException>(() => TrainingLoop.RunStreamed(source, other,
            Optimizer.Adam(), new TrainingOptions()));

        Assert.Contains("BatchSize", noBatch.Message, StringComparison.Ordinal);
        Assert.Equal("sample", wrongSample.ParamName);
    }

    // The same blocks every epoch; counts the epochs started and the enumerators disposed.
    private sealed class Blocks(IObjective[] blocks) : IRowBlockSource
    {
        public int Started { get; private set; }

        public int Released { get; private set; }

        public ParameterLayout Layout => blocks[0].Layout;

        public long RowCount => blocks.Sum(b => (long)b.AllRows.Length);

        IEnumerable<IObjective> IRowBlockSource.Blocks(int epoch)
        {
            Assert.Equal(Started, epoch);
            Started++;
            try
            {
                foreach (IObjective block in blocks)
                {
                    yield return block;
                }
            }
            finally
            {
                Released++;
            }
        }
    }
}
