using AdaHessian.Benchmarks.EndToEnd;
using AdaHessian.Benchmarks.Report;
using AdaHessian.Datasets;
using AdaHessian.MLNet;
using AdaHessian.Objective;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;

namespace AdaHessian.Benchmarks.Tests;

public class ConditioningTests
{
    public static TheoryData<string> Layouts => new() { "dense", "sparse" };

    private static LabelledMatrix Tiny(string layout) =>
        layout == "dense" ? SyntheticGaussian.Dense(60, 4, seed: 5) : SyntheticGaussian.Sparse(80, 6, 2, seed: 6);

    [Theory]
    [MemberData(nameof(Layouts))]
    public void HessianIsTheCentralDifferenceOfTheCoreGradient(string layout)
    {
        const float l2 = 1.5f;
        LabelledMatrix data = Tiny(layout);
        int p = data.Columns + 1;
        double[] theta = Enumerable.Range(0, p).Select(j => 0.3 * Math.Sin(j + 1)).ToArray();
        var objective = new LogisticObjective(data.ToDataset(), LossKind.LogLoss, l2);

        Matrix<double> h = Conditioning.Hessian(data, l2, theta);

        const double step = 1e-5;
        var plus = new double[p];
        var minus = new double[p];
        for (int k = 0; k < p; k++)
        {
            double[] up = (double[])theta.Clone(), down = (double[])theta.Clone();
            up[k] += step;
            down[k] -= step;
            objective.Evaluate(objective.AllRows, up, plus);
            objective.Evaluate(objective.AllRows, down, minus);
            for (int j = 0; j < p; j++)
            {
                Assert.Equal((plus[j] - minus[j]) / (2 * step), h[j, k], 1e-6);
            }
        }

        // The bias is not regularised: its diagonal entry is the mean of p(1 − p) alone, at most ¼.
        Assert.InRange(h[p - 1, p - 1], 1e-6, 0.25);
        Assert.True((h - h.Transpose()).FrobeniusNorm() < 1e-15);
    }

    [Fact]
    public void ConditionNumbersMatchClosedForms()
    {
        // Diagonal: the eigenvalues are the entries; Jacobi scaling of a diagonal matrix is the identity, κ = 1.
        Matrix<double> diagonal = Matrix<double>.Build.DenseOfDiagonalArray([100.0, 1.0, 4.0]);
        Assert.Equal([1.0, 4.0, 100.0], Conditioning.Eigenvalues(diagonal));
        Assert.All(Conditioning.Eigenvalues(Conditioning.JacobiScaled(diagonal)), mu => Assert.Equal(1.0, mu, 1e-14));

        // [[2, 1], [1, 2]]: eigenvalues 1 and 3.
        double[] twoByTwo = Conditioning.Eigenvalues(Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 2 } }));
        Assert.Equal(1.0, twoByTwo[0], 1e-14);
        Assert.Equal(3.0, twoByTwo[1], 1e-14);

        // [[a, b], [b, c]] scaled by its diagonal is [[1, ρ], [ρ, 1]], ρ = b/√(ac): eigenvalues 1 ± ρ. Here ρ = ½, κ = 3.
        double[] scaled = Conditioning.Eigenvalues(Conditioning.JacobiScaled(Matrix<double>.Build.DenseOfArray(new double[,] { { 4, 1 }, { 1, 1 } })));
        Assert.Equal(0.5, scaled[0], 1e-14);
        Assert.Equal(1.5, scaled[1], 1e-14);

        // κ·ln(10³)/2, the closed form for gradient descent with the best fixed step.
        Assert.Equal(1000 * Math.Log(1000) / 2, ConditioningResult.GradientDescentSteps(1000), 1e-9);
    }

    [Fact]
    public void ModelGapDecaysPerEigenvalueAndStepsAreTheFirstWithinTheTolerance()
    {
        // μ = (½, 1), each with gap 1 at θ = 0, F* = 1; gradient descent with α = 1: the gap after k ≥ 1 steps is (1 − ½)^{2k} = ¼ᵏ.
        var c = Result("(x)", jacobi: [0.5, 1.0], gap: [1.0, 1.0]);
        Assert.Equal(2.0, c.ModelGap(0, 0, 1));
        Assert.Equal(0.0625, c.ModelGap(2, 0, 1), 1e-15);
        // ¼⁴ = 3.9e-3 > 1e-3 ≥ ¼⁵ = 9.8e-4.
        Assert.Equal(5, c.ModelSteps(1e-3, 0, 1));
        // α = 1.2 (f = 0.6 of the limit 2/μmax): 0.16ᵏ + 0.04ᵏ ≤ 1e-3 first at k = 4, the best of the grid.
        Assert.Equal((4.0, 1.2), c.BestSteps(1e-3, 0));
        Assert.Equal(2, c.JacobiKappa);
        Assert.Equal(0, c.SlowDirections);
        Assert.Equal(1, Result("(y)", jacobi: [1e-4, 0.5, 1.0], gap: [1, 0, 0]).SlowDirections);
        // A zero eigenvalue with a gap along it is never reached; a step past the stability limit diverges.
        Assert.True(double.IsPositiveInfinity(Result("(z)", jacobi: [0.0, 1.0], gap: [1, 0]).ModelSteps(1e-3, 0, 1)));
        Assert.True(double.IsPositiveInfinity(c.ModelSteps(1e-3, 0, 2.01)));
        Assert.True(double.IsPositiveInfinity(c.ModelSteps(1e-3, 0.9, 3.81)));
    }

    [Fact]
    public void MomentumModelMatchesHeavyBallOnASlowMode()
    {
        // One slow mode μ = 1e-4 carrying the whole gap, β = 0.9, α = 1: e ← e − αμe + β(e − e′) from rest.
        const double beta = 0.9, alpha = 1, mu = 1e-4;
        var c = Result("(m)", jacobi: [mu, 1.0], gap: [1.0, 0.0]);
        double previous = 1, e = 1;
        int simulated = 0;
        while (e * e > 1e-3)
        {
            (previous, e) = (e, e - alpha * mu * e + beta * (e - previous));
            simulated++;
        }

        double model = c.ModelSteps(1e-3, beta, alpha);
        Assert.InRange(model, 0.98 * simulated, 1.02 * simulated);
        // Momentum divides the slow mode's steps by about 1/(1 − β) = 10 against plain gradient descent.
        Assert.InRange(c.ModelSteps(1e-3, 0, alpha) / model, 9, 11);
    }

    [Fact]
    public void AnalysisAtTheLbfgsOptimumIsConsistent()
    {
        LabelledMatrix data = SyntheticGaussian.Dense(400, 5, seed: 8);
        double[] optimum = Conditioning.Optimum(new MLContext(seed: 1), data, 1f);

        ConditioningResult c = Conditioning.Analyze("(t) tiny", data, 1f, optimum);

        Assert.Equal(6, c.Parameters);
        Assert.True(c.GradientNorm < 1e-4, $"‖∇F‖ = {c.GradientNorm}");
        Assert.InRange(c.NewtonDecrement, 0, 1e-8);
        Assert.True(c.LambdaMin > 0 && c.LambdaMin <= c.LambdaMax);
        // The scaled matrix has unit diagonal, so its eigenvalues average to 1.
        Assert.Equal(1.0, c.Jacobi.Average(), 1e-12);
        Assert.True(c.JacobiKappa >= 1);
        // The start θ = 0 is above the optimum in the model too.
        Assert.True(c.ModelGap(0, 0, 1) > 0);
    }

    [Fact]
    public void ReportRendersTheTableAndQuotesItInTheLimits()
    {
        var data = LabelledMatrix.Dense(10, 2, new float[20], new float[10]);
        var problem = new Problem("(a) pair", data, data, 1f,
            () => new AdaHessianTrainer.Options { NumberOfEpochs = 100, BatchSize = 4 }, () => new AdamTrainer.Options());
        var missed = new TrainerResult("AdaHessianTrainer", "s", false, 1, 1, 1, 1, 0.5, 3.4e-2, 0.9, 0.8, 0, 0, "");
        var problems = new List<ProblemResult> { new(problem, 0.5, "tight L-BFGS (tolerance 1e-10)", [missed]) };
        var results = new List<ConditioningResult> { Result("(a) pair", jacobi: [0.5, 1.0], gap: [1.0, 1.0]) };
        var machine = new MachineInfo("CPU", 2, "OS", ".NET", "256", "date", "0", "0", 1, 1L << 30);

        string[] lines = PerformanceReport.Render(machine, null, problems, quick: false, repeats: 3, results).Split('\n');

        int heading = Array.IndexOf(lines, "## Conditioning at the optimum");
        Assert.True(heading > Array.IndexOf(lines, "## (a) pair"), "the table follows the end-to-end problems");
        Assert.StartsWith("| (a) pair | 2 | 1 | 2 | 2 | 0.5…1 | 2 | 0 of 2 | 7 | 4 |",
            Assert.Single(lines, l => l.StartsWith("| (a) pair |", StringComparison.Ordinal)));
        string bullet = Assert.Single(lines, l => l.StartsWith("- **Conditioning at θ", StringComparison.Ordinal));
        // 10 rows in batches of 4: 3 steps per epoch, 100 epochs; the model's gap after them is ¼³⁰⁰ ≈ 0.
        Assert.Contains("(a) pair: κ(H) = 2; Jacobi scaling divides it by 1 to 2", bullet);
        Assert.Contains("the model needs 4 steps from θ = 0 to the target without momentum", bullet);
        Assert.Contains("AdaHessianTrainer had 300 steps (100 epochs × 3)", bullet);
        Assert.Contains("(measured: 0.034)", bullet);

        // Without the analysis: no table, and the limits point to the filter that runs it.
        string plain = PerformanceReport.Render(machine, null, problems, quick: false, repeats: 3);
        Assert.DoesNotContain("## Conditioning at the optimum", plain);
        Assert.Contains("`--filter all`, `e2e` or `conditioning`", plain);
    }

    private static ConditioningResult Result(string name, double[] jacobi, double[] gap) =>
        new(name, 10, jacobi.Length, 1, 2, jacobi, gap, 1.0, 1e-6, 1e-12, 0.1);
}
