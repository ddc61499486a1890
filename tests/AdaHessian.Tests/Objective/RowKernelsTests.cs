using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Objective;

public class RowKernelsTests
{
    // Empty, shorter than a lane, one lane exactly, lanes and a tail, many lanes.
    public static TheoryData<int> Lengths => [0, 3, 8, 13, 1001];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Sum_of_squares_matches_the_exact_sum_to_rounding(int length)
    {
        double[] v = TestData.Vector(length, seed: length);

        double sum = RowKernels.SumOfSquares(v);

        decimal exact = v.Sum(x => (decimal)x * (decimal)x);
        Assert.Equal((double)exact, sum, (double)exact * 1e-14 + 1e-300);
    }

    [Fact]
    public void Sum_of_squares_adds_eight_lanes_then_the_tail_in_a_fixed_order()
    {
        double[] v = [1e16, 1, 1, 1, 1, 1, 1, 1, 1, 1];

        // Lanes: 1e16 + 1 (lane 0 with lane 4), 2, 2, 2 → ((1e16 + 2) + 2) + 2, then the tail adds 1 and 1 one at a time.
        double expected = 1e32 + 1;
        expected = ((expected + 2) + 2) + 2;
        expected += 1;
        expected += 1;
        Assert.Equal(expected, RowKernels.SumOfSquares(v));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(37)]
    public void Scale_and_add_and_scale_and_shift_are_element_wise(int length)
    {
        double[] target = TestData.Vector(length, seed: 1);
        double[] source = TestData.Vector(length, seed: 2);
        double[] added = (double[])target.Clone();
        double[] shifted = (double[])target.Clone();

        RowKernels.ScaleAndAdd(added, 0.37, 1.9, source);
        RowKernels.ScaleAndShift(shifted, 0.37, 1.9);

        for (int j = 0; j < length; j++)
        {
            Assert.Equal(target[j] * 0.37 + 1.9 * source[j], added[j]);
            Assert.Equal(target[j] * 0.37 + 1.9, shifted[j]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Gradient_and_squares_in_one_read_round_each_element_once_as_the_separate_kernels_do(int length)
    {
        float[] x = TestData.Vector(length, seed: 3).Select(v => (float)v).ToArray();
        double[] gradient = TestData.Vector(length, seed: 4);
        double[] diagonal = TestData.Vector(length, seed: 5);
        double[] fusedGradient = (double[])gradient.Clone();
        double[] fusedDiagonal = (double[])diagonal.Clone();
        double[] separateGradient = (double[])gradient.Clone();
        double[] separateDiagonal = (double[])diagonal.Clone();

        RowKernels.AddScaledAndSquares(0.37, -1.9, x, fusedGradient, fusedDiagonal);
        RowKernels.AddScaled(0.37, x, separateGradient);
        RowKernels.AddScaledSquares(-1.9, x, separateDiagonal);

        for (int j = 0; j < length; j++)
        {
            double xj = x[j];
            Assert.Equal(Math.FusedMultiplyAdd(0.37, xj, gradient[j]), fusedGradient[j]);
            Assert.Equal(Math.FusedMultiplyAdd(-1.9, xj * xj, diagonal[j]), fusedDiagonal[j]);
        }

        Assert.Equal(separateGradient, fusedGradient);
        Assert.Equal(separateDiagonal, fusedDiagonal);
    }

    [Fact]
    public void Sparse_gradient_and_squares_in_one_read_touch_only_the_stored_columns()
    {
        float[] values = [2, -3, 0.5f];
        int[] indices = [4, 0, 2];
        double[] gradient = [1, 1, 1, 1, 1, 1];
        double[] diagonal = [2, 2, 2, 2, 2, 2];

        RowKernels.AddScaledAndSquares(0.25, 3, values, indices, gradient, diagonal);

        Assert.Equal([1 + 0.25 * -3, 1, 1 + 0.25 * 0.5, 1, 1 + 0.25 * 2, 1], gradient);
        Assert.Equal([2 + 3 * 9.0, 2, 2 + 3 * 0.25, 2, 2 + 3 * 4.0, 2], diagonal);
    }

    [Fact]
    public void Sparse_dot_products_add_even_and_odd_positions_in_two_chains()
    {
        // Sequentially ((1e16 + 1) − 1e16) + 1 = 1 in double; the even chain gives 1e16 − 1e16 = 0, the odd one 1 + 1 = 2.
        float[] values = [1e16f, 1, -1e16f, 1, 3];
        int[] indices = [0, 1, 2, 3, 4];
        double[] w = [1, 1, 1, 1, 0];
        double[] z = [1, 2, 1, 2, 0];

        double xw = RowKernels.Dot(values, indices, w);
        RowKernels.Dot2(values, indices, w, z, out double xw2, out double xz2);

        double even = (double)1e16f - 1e16f + 3 * 0.0;
        Assert.Equal(even + 2, xw);
        Assert.Equal(xw, xw2);
        Assert.Equal(even + 4, xz2);
    }
}
