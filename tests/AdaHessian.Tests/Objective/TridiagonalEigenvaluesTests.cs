using AdaHessian.Objective;

namespace AdaHessian.Tests.Objective;

public class TridiagonalEigenvaluesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(40)]
    public void The_second_difference_matrix_has_its_closed_form_eigenvalues(int n)
    {
        // tridiag(−1, 2, −1) of order n: λ_k = 2 − 2cos(kπ/(n + 1)), k = 1 … n.
        double[] a = Enumerable.Repeat(2.0, n).ToArray();
        double[] b = Enumerable.Repeat(-1.0, n - 1).ToArray();
        for (int k = 0; k < n; k++)
        {
            double truth = 2 - 2 * Math.Cos((k + 1) * Math.PI / (n + 1));
            Assert.Equal(truth, TridiagonalEigenvalues.Kth(a, b, k), 1e-12);
        }

        Assert.Equal(2 - 2 * Math.Cos(Math.PI / (n + 1)), TridiagonalEigenvalues.Smallest(a, b), 1e-12);
        Assert.Equal(2 - 2 * Math.Cos(n * Math.PI / (n + 1)), TridiagonalEigenvalues.Largest(a, b), 1e-12);
        Assert.Equal(n / 2, TridiagonalEigenvalues.CountBelow(a, b, 2 - 1e-9));
    }

    [Fact]
    public void A_split_matrix_counts_each_block()
    {
        // A zero off-diagonal splits T into [3] and [[1, 1], [1, 1]]: eigenvalues 0, 2 and 3.
        double[] a = [3, 1, 1];
        double[] b = [0, 1];
        Assert.Equal([0, 2, 3], Enumerable.Range(0, 3).Select(k => Math.Round(TridiagonalEigenvalues.Kth(a, b, k), 12)));
    }

    [Fact]
    public void A_mismatched_off_diagonal_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => TridiagonalEigenvalues.Largest([1, 2], [1, 2]));
        Assert.Equal("b", e.ParamName);
    }
}
