using AdaHessian.Data;

namespace AdaHessian.Tests.Data;

public class MulticlassDatasetTests
{
    private static FeatureMatrix ThreeRows => FeatureMatrix.Dense(3, 1, [1f, 2f, 3f]);

    [Fact]
    public void Properties_describe_the_wrapped_arrays()
    {
        int[] labels = [0, 2, 1];
        float[] weights = [0.5f, 0f, 2.25f];
        var data = new MulticlassDataset(ThreeRows, labels, classCount: 3, weights);

        Assert.Same(labels, data.Labels);
        Assert.Same(weights, data.Weights);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal(2.75, data.TotalWeight);
        Assert.Equal(3, data.RowCount);
        Assert.Equal(1, data.FeatureCount);
        Assert.Equal(3.0, new MulticlassDataset(ThreeRows, [0, 0, 0], classCount: 1).TotalWeight);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_label_outside_the_classes_is_rejected_naming_its_row_and_value(int label)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MulticlassDataset(ThreeRows, [0, label, 1], classCount: 3));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains($"row 1 is {label}", e.Message);
        Assert.Contains("[0, 3)", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void The_class_count_must_be_positive(int classCount)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MulticlassDataset(ThreeRows, [0, 0, 0], classCount));
        Assert.Equal("classCount", e.ParamName);
    }

    [Fact]
    public void Label_count_must_match_the_rows()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(
            () => new MulticlassDataset(ThreeRows, [0, 1], classCount: 2)).ParamName);
    }

    [Theory]
    [InlineData(-0.5f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Negative_or_non_finite_weights_are_rejected(float weight)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => new MulticlassDataset(ThreeRows, [0, 1, 1], classCount: 2, [1f, weight, 1f]));
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void Weights_must_match_the_rows_and_not_all_be_zero()
    {
        Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(
            () => new MulticlassDataset(ThreeRows, [0, 1, 1], classCount: 2, [1f, 1f])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(
            () => new MulticlassDataset(ThreeRows, [0, 1, 1], classCount: 2, [0f, 0f, 0f])).ParamName);
    }
}
