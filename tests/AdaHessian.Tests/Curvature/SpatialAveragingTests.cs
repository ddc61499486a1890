using AdaHessian.Curvature;

namespace AdaHessian.Tests.Curvature;

public class SpatialAveragingTests
{
    [Fact]
    public void Weights_are_replaced_by_their_block_means_and_the_bias_is_untouched()
    {
        // 6 weights in blocks of 3 → means (1+2+3)/3 = 2 and (4+5+9)/3 = 6; bias 100 kept.
        double[] d = [1, 2, 3, 4, 5, 9, 100];
        var result = new double[d.Length];

        SpatialAveraging.Apply(d, 3, result);

        Assert.Equal([2, 2, 2, 6, 6, 6, 100], result);
        Assert.Equal([1, 2, 3, 4, 5, 9, 100], d); // input not modified
    }

    [Fact]
    public void The_last_block_may_be_shorter()
    {
        // 5 weights in blocks of 2: (1+3)/2 = 2, (5+7)/2 = 6, and a ragged last block [10] alone; bias −1 kept.
        double[] d = [1, 3, 5, 7, 10, -1];
        var result = new double[d.Length];

        SpatialAveraging.Apply(d, 2, result);

        Assert.Equal([2, 2, 6, 6, 10, -1], result);
    }

    [Fact]
    public void A_block_larger_than_the_weights_averages_all_weights_but_never_the_bias()
    {
        double[] d = [2, 4, 9, 1000];
        var result = new double[d.Length];

        SpatialAveraging.Apply(d, 10, result);

        Assert.Equal([5, 5, 5, 1000], result);
    }

    [Fact]
    public void Works_in_place()
    {
        double[] d = [1, 2, 3, 4, 5, 9, 100];

        SpatialAveraging.Apply(d, 3, d);

        Assert.Equal([2, 2, 2, 6, 6, 6, 100], d);
    }

    [Fact]
    public void Block_size_one_is_the_identity()
    {
        double[] d = [0.1, -7, 3e-300, 12, 5];
        var result = new double[d.Length];

        SpatialAveraging.Apply(d, 1, result);

        Assert.Equal(d, result);
    }

    [Fact]
    public void Only_a_bias_is_copied()
    {
        var result = new double[1];
        SpatialAveraging.Apply([3.5], 4, result);
        Assert.Equal([3.5], result);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_their_names()
    {
        Assert.Equal("blockSize", Assert.Throws<ArgumentOutOfRangeException>(
            () => SpatialAveraging.Apply([1.0, 2.0], 0, new double[2])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentOutOfRangeException>(
            () => SpatialAveraging.Apply([1.0, 2.0], 1, new double[3])).ParamName);
    }
}
