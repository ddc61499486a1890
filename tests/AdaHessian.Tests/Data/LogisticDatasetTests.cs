using AdaHessian.Data;

namespace AdaHessian.Tests.Data;

public class LogisticDatasetTests
{
    private static FeatureMatrix ThreeRows => FeatureMatrix.Dense(3, 1, [1f, 2f, 3f]);

    [Fact]
    public void Total_weight_is_the_row_count_or_the_sum_of_weights()
    {
        Assert.Equal(3.0, new LogisticDataset(ThreeRows, [0f, 1f, 0.5f]).TotalWeight);
        var weighted = new LogisticDataset(ThreeRows, [0f, 1f, 1f], [0.5f, 0f, 2.25f]);
        Assert.Equal(2.75, weighted.TotalWeight);
        Assert.Equal(1, weighted.FeatureCount);
        Assert.Equal(3, weighted.RowCount);
    }

    [Theory]
    [InlineData(-0.001f)]
    [InlineData(1.001f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Labels_outside_the_unit_interval_are_rejected(float label)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticDataset(ThreeRows, [0f, label, 1f]));
        Assert.Equal("labels", e.ParamName);
    }

    [Fact]
    public void Label_count_must_match_the_rows()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticDataset(ThreeRows, [0f, 1f])).ParamName);
    }

    [Theory]
    [InlineData(-0.5f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Negative_or_non_finite_weights_are_rejected(float weight)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticDataset(ThreeRows, [0f, 1f, 1f], [1f, weight, 1f]));
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void Weights_must_match_the_rows_and_not_all_be_zero()
    {
        Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(
            () => new LogisticDataset(ThreeRows, [0f, 1f, 1f], [1f, 1f])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(
            () => new LogisticDataset(ThreeRows, [0f, 1f, 1f], [0f, 0f, 0f])).ParamName);
    }
}
