using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>Schedule options reach the training loop; Adam has no other randomness than the shuffle.</summary>
public sealed class AdamTrainerTests
{
    [Fact]
    public void Without_shuffling_Adam_does_not_depend_on_the_seed()
    {
        float[] Train(int seed, bool shuffle)
        {
            var ml = new MLContext(seed);
            // L2 given: the automatic one's folds depend on the seed.
            return Trainers.Parameters(Trainers.Create(Trainers.Adam, ml, o => { o.Shuffle = shuffle; o.L2Regularization = 1; }).Fit(DenseView(ml)));
        }

        Assert.Equal(Train(1, shuffle: false), Train(2, shuffle: false));
        Assert.NotEqual(Train(1, shuffle: true), Train(2, shuffle: true));
    }

    [Fact]
    public void Full_batch_training_takes_one_step_per_epoch()
    {
        var ml = new MLContext(seed: 1);
        var messages = LogCapture.Messages(ml);

        Trainers.Create(Trainers.Adam, ml, o => { o.BatchSize = int.MaxValue; o.NumberOfEpochs = 4; }).Fit(DenseView(ml));

        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("batch full", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("finished after 4 epochs (4 steps)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void OptimizationTolerance_stops_training_early()
    {
        var ml = new MLContext(seed: 1);
        var messages = LogCapture.Messages(ml);

        Trainers.Create(Trainers.Adam, ml, o => { o.NumberOfEpochs = 500; o.OptimizationTolerance = 1e-3f; }).Fit(DenseView(ml));

        lock (messages)
        {
            Assert.Contains(messages, m => m.Contains("converged within the tolerance", StringComparison.Ordinal));
            Assert.DoesNotContain(messages, m => m.Contains("Epoch 500/500", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void WeightDecay_shrinks_the_weights()
    {
        var ml = new MLContext(seed: 1);
        var data = DenseView(ml);

        var plain = Trainers.Parameters(Trainers.Create(Trainers.Adam, ml).Fit(data));
        var decayed = Trainers.Parameters(Trainers.Create(Trainers.Adam, ml, o => o.WeightDecay = 1f).Fit(data));

        static double Norm(float[] p) => Math.Sqrt(p[..^1].Sum(v => (double)v * v));
        Assert.True(Norm(decayed) < 0.8 * Norm(plain), $"{Norm(decayed)} vs {Norm(plain)}");
    }
}
