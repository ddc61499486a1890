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
}
