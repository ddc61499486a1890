using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Tests.Trainers;

public class L2GridTests
{
    [Fact]
    public void The_default_grid_has_ten_points_from_1e_5_to_10_exactly()
    {
        var grid = L2Grid.Default;

        Assert.Equal(10, grid.Count);
        Assert.Equal(1e-5, grid[0]);
        Assert.Equal(10, grid[^1]);
    }

    [Fact]
    public void Neighbouring_points_have_one_ratio()
    {
        var grid = L2Grid.Default;
        double ratio = Math.Pow(10, 6.0 / 9);

        for (int k = 1; k < grid.Count; k++)
        {
            Assert.Equal(ratio, grid[k] / grid[k - 1], 12);
        }
    }

    [Theory]
    [InlineData(0, 1, 3)]
    [InlineData(1, double.PositiveInfinity, 3)]
    [InlineData(1, 10, 1)]
    public void Bad_ends_or_too_few_points_are_errors(double from, double to, int points) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => L2Grid.LogSpaced(from, to, points));
}
