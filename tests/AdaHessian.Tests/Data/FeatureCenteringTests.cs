using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Data;

public class FeatureCenteringTests
{
    [Fact]
    public void Means_are_weighted_column_means()
    {
        var data = new LogisticDataset(FeatureMatrix.Dense(3, 2, [1, 10, 2, 20, 4, 40]), [0, 1, 1], [1, 1, 2]);
        Assert.Equal([(1 + 2 + 8) / 4.0, (10 + 20 + 80) / 4.0], FeatureCentering.ColumnMeans(data));
    }

    [Fact]
    public void Centred_data_with_moved_bias_is_the_same_model()
    {
        TestProblem problem = TestData.Random(rows: 80, columns: 5, seed: 7, zeroFraction: 0.2, weighted: true, scale: 3);
        LogisticDataset original = problem.Dataset(false);
        LogisticDataset centred = problem.Dataset(false);
        double[] means = FeatureCentering.ColumnMeans(centred);
        FeatureCentering.Subtract(centred, means);
        double[] theta = TestData.Vector(6, 8);

        double[] moved = FeatureCentering.ToCentered(theta, means);
        Approx.Equal(theta.AsSpan(0, 5), moved.AsSpan(0, 5), 0, "weights unchanged");
        Approx.Equal(theta, FeatureCentering.FromCentered(moved, means), 1e-15, "round trip");

        var before = new LogisticObjective(original, LossKind.LogLoss, 0.7);
        var after = new LogisticObjective(centred, LossKind.LogLoss, 0.7);
        Assert.Equal(before.Value(before.AllRows, theta), after.Value(after.AllRows, moved), 1e-6);
        Assert.All(FeatureCentering.ColumnMeans(centred), m => Assert.Equal(0, m, 1e-6));
    }

    [Fact]
    public void Every_block_of_a_softmax_layer_moves_its_own_bias()
    {
        double[] means = [2, -1];
        double[] theta = [1, 3, 0.5, -2, 4, -1];
        double[] moved = FeatureCentering.ToCentered(theta, means);
        Assert.Equal([1, 3, 0.5 + 2 * 1 - 1 * 3, -2, 4, -1 + 2 * -2 - 1 * 4], moved);
        Assert.Equal(theta, FeatureCentering.FromCentered(moved, means));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureCentering.ToCentered(theta.AsSpan(0, 5), means));
    }

    [Fact]
    public void Sparse_data_is_refused()
    {
        LogisticDataset sparse = TestData.Random(10, 3, seed: 1).Dataset(true);
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureCentering.ColumnMeans(sparse));
    }
}
