using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace AdaHessian.Tests.Objective;

public class PreconditionedSpectrumTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Power_iteration_finds_the_largest_eigenvalue_of_the_diagonally_scaled_Hessian(bool sparse)
    {
        TestProblem problem = TestData.Random(rows: 120, columns: 6, seed: 31, zeroFraction: 0.3, weighted: true, scale: 1.5);
        var objective = new LogisticObjective(problem.Dataset(sparse), LossKind.LogLoss, 0.5);
        double[] theta = TestData.Vector(7, 32, -0.5, 0.5);
        int[] rows = Enumerable.Range(0, problem.Rows).ToArray();

        // The independent truth: the dense Hessian of the reference implementation, scaled and decomposed by MathNet.
        double[,] h = Reference.Hessian(problem, LossKind.LogLoss, 0.5, rows, theta);
        var m = Matrix<double>.Build.Dense(7, 7, (i, j) => h[i, j] / Math.Sqrt(Math.Abs(h[i, i]) * Math.Abs(h[j, j])));
        double truth = m.Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real);

        double estimate = PreconditionedSpectrum.LargestEigenvalue(objective, rows, theta, iterations: 300, seed: 5);
        Assert.Equal(truth, estimate, truth * 1e-9);

        // Twenty iterations (the trainers' count) give a Rayleigh quotient: never above λ̂, and close to it.
        double quick = PreconditionedSpectrum.LargestEigenvalue(objective, rows, theta, iterations: 20, seed: 5);
        Assert.InRange(quick, 0.9 * truth, truth * (1 + 1e-12));
    }

    [Fact]
    public void On_binary_rows_with_k_non_zeros_the_eigenvalue_is_about_k()
    {
        // Every row has the same 4 active columns: the logit moves with their sum, D^(−½)HD^(−½) has 1ᵀ-like structure
        // over the 4 weights and the bias, so λ̂ ≈ 5 (4 weights + bias) with a little L2 in the weights' diagonal.
        const int n = 50, d = 8;
        var x = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                x[i * d + j] = 1;
            }
        }

        var data = new AdaHessian.Data.LogisticDataset(AdaHessian.Data.FeatureMatrix.Dense(n, d, x),
            Enumerable.Range(0, n).Select(i => (float)(i % 2)).ToArray());
        var objective = new LogisticObjective(data, LossKind.LogLoss, 1e-9);
        double eigenvalue = PreconditionedSpectrum.LargestEigenvalue(objective, objective.AllRows, new double[d + 1], 50, seed: 1);
        Assert.Equal(5, eigenvalue, 1e-6);
    }

    [Fact]
    public void The_sample_is_every_row_or_evenly_spaced_rows()
    {
        Assert.Equal([0, 1, 2], PreconditionedSpectrum.Sample(3, 4096));
        Assert.Equal([0, 2, 5, 7], PreconditionedSpectrum.Sample(10, 4));
    }

    [Fact]
    public void The_three_samples_are_evenly_spaced_and_share_no_row()
    {
        // 30 rows, 4 a sample: spacing 7.5, the parts start 0, 2.5 and 5 rows later (rounded down).
        Assert.Equal([0, 7, 15, 22], PreconditionedSpectrum.Sample(30, 4, part: 0, parts: 3));
        Assert.Equal([2, 10, 17, 25], PreconditionedSpectrum.Sample(30, 4, part: 1, parts: 3));
        Assert.Equal([5, 12, 20, 27], PreconditionedSpectrum.Sample(30, 4, part: 2, parts: 3));
        Assert.Equal(PreconditionedSpectrum.Sample(30, 4), PreconditionedSpectrum.Sample(30, 4, part: 0, parts: 3));
    }

    [Fact]
    public void One_outlying_row_sets_the_eigenvalue_of_its_sample_but_not_the_median()
    {
        // 300 rows with 2 of 40 columns active, except row 0: all 40 columns active. A sample that holds row 0 sees
        // a stiff direction along it (λ̂ near the number of columns it alone makes curved); the other two do not.
        const int n = 300, d = 40;
        var x = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[i * d + j] = i == 0 || j == i % d || j == (i * 7 + 3) % d ? 1 : 0;
            }
        }

        var data = new AdaHessian.Data.LogisticDataset(AdaHessian.Data.FeatureMatrix.Dense(n, d, x),
            Enumerable.Range(0, n).Select(i => (float)(i % 2)).ToArray());
        var objective = new LogisticObjective(data, LossKind.LogLoss, 1e-6);
        var theta = new double[d + 1];
        double Sampled(int part) => PreconditionedSpectrum.LargestEigenvalue(objective,
            PreconditionedSpectrum.Sample(n, 10, part, parts: 3), theta, iterations: 50, seed: 2);

        double withOutlier = Sampled(0);
        double median = PreconditionedSpectrum.MedianLargestEigenvalue(objective, 10, theta, iterations: 50, seed: 2);

        Assert.True(withOutlier > 3 * Math.Max(Sampled(1), Sampled(2)), $"{withOutlier} vs {Sampled(1)}, {Sampled(2)}");
        Assert.Equal(Math.Max(Sampled(1), Sampled(2)), median);
    }
}
