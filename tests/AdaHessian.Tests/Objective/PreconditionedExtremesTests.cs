using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace AdaHessian.Tests.Objective;

public class PreconditionedExtremesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_no_more_parameters_than_steps_Lanczos_finds_both_ends_exactly(bool sparse)
    {
        TestProblem problem = TestData.Random(rows: 120, columns: 6, seed: 41, zeroFraction: 0.3, weighted: true, scale: 1.5);
        var objective = new LogisticObjective(problem.Dataset(sparse), LossKind.LogLoss, 0.5);
        double[] theta = TestData.Vector(7, 42, -0.5, 0.5);
        int[] rows = Enumerable.Range(0, problem.Rows).ToArray();
        double[] truth = ScaledEigenvalues(Reference.Hessian(problem, LossKind.LogLoss, 0.5, rows, theta));

        (double largest, double smallest) = PreconditionedExtremes.Estimate(objective, rows, theta, iterations: 20, seed: 3);

        Assert.Equal(truth[^1], largest, truth[^1] * 1e-9);
        Assert.Equal(truth[0], smallest, truth[0] * 1e-7);
    }

    [Fact]
    public void With_fewer_steps_the_Ritz_values_lie_inside_the_spectrum_and_approach_its_ends()
    {
        TestProblem problem = TestData.Random(rows: 400, columns: 60, seed: 43, zeroFraction: 0.2, weighted: false);
        var objective = new LogisticObjective(problem.Dataset(sparse: false), LossKind.LogLoss, 0.1);
        double[] theta = new double[61];
        int[] rows = Enumerable.Range(0, problem.Rows).ToArray();
        double[] truth = ScaledEigenvalues(Reference.Hessian(problem, LossKind.LogLoss, 0.1, rows, theta));

        (double largest, double smallest) = PreconditionedExtremes.Estimate(objective, rows, theta, iterations: 20, seed: 3);

        // Ritz values of a Krylov space: λ_max from below, λ_min from above; twenty steps of 61 get the ends to a few %.
        Assert.InRange(largest, 0.95 * truth[^1], truth[^1] * (1 + 1e-9));
        Assert.InRange(smallest, truth[0] * (1 - 1e-9), 2 * truth[0]);
    }

    [Fact]
    public void Over_more_rows_than_a_sample_each_end_is_the_median_of_three_samples()
    {
        TestProblem problem = TestData.Random(rows: 90, columns: 4, seed: 46, zeroFraction: 0.1, weighted: false);
        var objective = new LogisticObjective(problem.Dataset(sparse: false), LossKind.LogLoss, 0.2);
        double[] theta = new double[5];
        var estimates = Enumerable.Range(0, 3)
            .Select(part => PreconditionedExtremes.Estimate(objective, PreconditionedSpectrum.Sample(90, 30, part, 3), theta, 20, seed: 7))
            .ToArray();

        (double largest, double smallest) = PreconditionedExtremes.Median(objective, 30, theta, 20, seed: 7);

        Assert.Equal(estimates.Select(e => e.Largest).Order().ElementAt(1), largest);
        Assert.Equal(estimates.Select(e => e.Smallest).Order().ElementAt(1), smallest);
    }

    // The eigenvalues of D^(−½)HD^(−½), ascending, by MathNet.
    private static double[] ScaledEigenvalues(double[,] h)
    {
        int p = h.GetLength(0);
        var m = Matrix<double>.Build.Dense(p, p, (i, j) => h[i, j] / Math.Sqrt(Math.Abs(h[i, i]) * Math.Abs(h[j, j])));
        return [.. m.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Order()];
    }
}
