using AdaHessian.Suite.Metrics;
using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Synthetic;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.Tests.Trainers;

public class L2PathTests
{
    private static readonly PreparedData Data = Preprocessing.Prepare(new MLContext(seed: 0), new PlantedDense(200, 500, 8, 3).Generate(), normalize: true);

    private static readonly IReadOnlyList<L2PathPoint> Path = L2Path.Fit(Data.TrainView, Data.Test, L2Grid.Default);

    [Fact]
    public void Each_point_is_the_test_log_loss_of_a_cold_fit_at_its_L2_in_grid_order()
    {
        Assert.Equal(L2Grid.Default, Path.Select(p => p.L2));
        foreach (var point in Path)
        {
            var cold = SuiteTrainer.ToLinearModel(CrossValidatedLbfgs.Fit(point.L2, Data.TrainView, null));
            Assert.Equal(LogisticMetrics.TestLogLoss(Data.Test, cold), point.TestLogLoss, 4);
        }
    }

    [Fact]
    public void The_path_is_not_flat_so_the_test_above_can_tell_points_apart()
    {
        double low = Path.Min(p => p.TestLogLoss), high = Path.Max(p => p.TestLogLoss);
        Assert.True(high - low > 1e-2, $"the path spans only {high - low:G3}");
    }

    [Fact]
    public void The_same_data_gives_the_same_path_bit_for_bit() =>
        Assert.Equal(Path.Select(p => p.TestLogLoss), L2Path.Fit(Data.TrainView, Data.Test, L2Grid.Default).Select(p => p.TestLogLoss));

    [Fact]
    public void An_empty_grid_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => L2Path.Fit(Data.TrainView, Data.Test, []));
}
