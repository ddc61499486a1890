using AdaHessian.Objective;
using AdaHessian.Regularization;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Regularization;

public class NewtonSolverTests
{
    [Theory]
    [InlineData(false, 0.01)]
    [InlineData(true, 1.0)]
    [InlineData(false, 30.0)]
    public void ItReachesTheMinimiserOfDenseNewtonOnTheSameProblem(bool sparse, double lambda)
    {
        TestProblem problem = TestData.Random(150, 7, seed: 12, zeroFraction: 0.4);
        var penalized = new PenalizedObjective(new LogisticObjective(problem.Dataset(sparse), LossKind.LogLoss));
        var solver = new NewtonSolver(penalized);
        var theta = new double[8];
        solver.Minimize(Enumerable.Range(0, problem.Rows).ToArray(), lambda / problem.TotalWeight, theta, 1e-14,
            CancellationToken.None);
        Approx.Equal(Newton.Minimise(problem, lambda), theta, 1e-6);
        Assert.True(solver.Passes < 200, $"{solver.Passes} passes");
    }

    [Theory]
    [InlineData(false, 0.01, 5)]
    [InlineData(true, 0.3, 7)]
    [InlineData(false, 3.0, 9)]
    [InlineData(true, 30.0, 4)]
    public void AtALooseToleranceItStopsWithinItOfTheMinimumAndReturnsFAtItsResult(bool sparse, double lambda, int seed)
    {
        TestProblem problem = TestData.Random(200, 6, seed: seed, zeroFraction: 0.3);
        var penalized = new PenalizedObjective(new LogisticObjective(problem.Dataset(sparse), LossKind.LogLoss));
        int[] rows = Enumerable.Range(0, problem.Rows).ToArray();
        double c = lambda / problem.TotalWeight;
        double optimum = penalized.Value(rows, Newton.Minimise(problem, lambda), c);
        const double tolerance = 1e-5;
        var theta = new double[7];
        double f = new NewtonSolver(penalized).Minimize(rows, c, theta, tolerance, CancellationToken.None);
        Assert.Equal(penalized.Value(rows, theta, c), f);
        Assert.InRange((f - optimum) / Math.Abs(optimum), -1e-12, tolerance);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.001)] // weak: the coupled, ill-conditioned case the half-power preconditioner is for
    public void ItReachesTheMinimiserOfASoftmaxProblem(double lambda)
    {
        MulticlassProblem problem = MulticlassProblem.Random(120, 6, 4, seed: 13);
        var penalized = new PenalizedObjective(new SoftmaxObjective(problem.Dataset(sparse: false)));
        int[] rows = Enumerable.Range(0, problem.Rows).ToArray();
        var theta = new double[problem.ParameterCount];
        new NewtonSolver(penalized).Minimize(rows, lambda / problem.Features.TotalWeight, theta, 1e-14, CancellationToken.None);

        // The naive reference's gradient by central differences vanishes there.
        const double h = 1e-5;
        for (int j = 0; j < theta.Length; j++)
        {
            double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
            plus[j] += h;
            minus[j] -= h;
            double slope = (problem.Value(lambda, rows, plus) - problem.Value(lambda, rows, minus)) / (2 * h);
            Assert.True(Math.Abs(slope) < 1e-7, $"∂F/∂θ[{j}] = {slope:G3} at the result");
        }
    }

    [Fact]
    public void ThePreconditionerIsJacobiForOneBlockAndTheInverseSquareRootForSeveral()
    {
        double[] diagonal = [4, 0.25, 0, 9];
        var inverse = new double[4];
        ConjugateGradient.Precondition(diagonal, inverse, blocks: 1);
        Assert.Equal([0.25, 4, 0, 1 / 9.0], inverse);
        ConjugateGradient.Precondition(diagonal, inverse, blocks: 2);
        Assert.Equal([0.5, 2, 0, 1 / 3.0], inverse);
    }

    [Fact]
    public void ThePenaltyIsLogisticObjectivesL2WithCOverTheRowsWeight()
    {
        TestProblem problem = TestData.Random(50, 4, seed: 6);
        double lambda = 2.5;
        var theta = TestData.Vector(5, seed: 3);
        int[] rows = Enumerable.Range(0, 50).ToArray();
        var penalized = new PenalizedObjective(new LogisticObjective(problem.Dataset(false), LossKind.LogLoss));
        var g = new double[5];
        var d = new double[5];
        double f = penalized.EvaluateWithExactDiagonal(rows, theta, lambda / problem.TotalWeight, g, d);
        var expectedG = new double[5];
        var expectedD = new double[5];
        double expected = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss, lambda)
            .EvaluateWithExactDiagonal(rows, theta, expectedG, expectedD);
        Approx.Equal(expected, f, 1e-14);
        Approx.Equal(expectedG, g, 1e-14);
        Approx.Equal(expectedD, d, 1e-14);
    }
}
