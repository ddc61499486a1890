using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Study.Problems;
using MathNet.Numerics.LinearAlgebra;

namespace AdaHessian.Study.Tests.Problems;

public class OptimumSolverTests
{
    /// <summary>A small non-separable LogLoss problem: seeded features, labels drawn from a noisy logistic model.</summary>
    private static LogisticDataset RandomProblem(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * columns];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 4 - 2);
        }

        var labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double a = 0.3;
            for (int j = 0; j < columns; j++)
            {
                a += (j % 2 == 0 ? 1 : -0.5) * values[i * columns + j];
            }

            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-a)) ? 1f : 0f;
        }

        return new LogisticDataset(FeatureMatrix.Dense(rows, columns, values), labels);
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));

    [Fact]
    public void The_optimum_has_a_vanishing_gradient_measured_independently()
    {
        LogisticDataset data = RandomProblem(rows: 12, columns: 3, seed: 5);
        OptimumResult result = OptimumSolver.Solve(new LogisticObjective(data, LossKind.LogLoss, 0.5, numberOfThreads: 1));

        // A fresh objective, evaluated at the returned point.
        var check = new LogisticObjective(data, LossKind.LogLoss, 0.5, numberOfThreads: 1);
        var gradient = new double[check.ParameterCount];
        double value = check.Evaluate(check.AllRows, result.Parameters, gradient);

        Assert.True(Norm(gradient) <= 1e-10, $"‖∇F‖ = {Norm(gradient):G3}");
        Assert.Equal(value, result.Objective, 14);
        Assert.True(result.GradientNorm <= 1e-10);
        Assert.Equal(4, result.Parameters.Length);
    }

    [Fact]
    public void No_point_of_a_perturbation_cloud_beats_the_optimum()
    {
        LogisticDataset data = RandomProblem(rows: 12, columns: 3, seed: 5);
        var objective = new LogisticObjective(data, LossKind.LogLoss, 0.5, numberOfThreads: 1);
        OptimumResult result = OptimumSolver.Solve(objective);
        double best = objective.Value(objective.AllRows, result.Parameters);

        var random = new Random(11);
        var trial = new double[result.Parameters.Length];
        for (int s = 0; s < 300; s++)
        {
            double radius = Math.Pow(10, -4 + 3 * random.NextDouble()); // 1e-4 … 1e-1
            for (int j = 0; j < trial.Length; j++)
            {
                trial[j] = result.Parameters[j] + radius * (2 * random.NextDouble() - 1);
            }

            double value = objective.Value(objective.AllRows, trial);
            Assert.True(value >= best, $"F(θ* + δ) = {value:R} < F* = {best:R} at radius {radius:G3}");
        }
    }

    [Fact]
    public void Two_groups_at_plus_and_minus_one_have_the_closed_form_optimum()
    {
        // x = +1 with labels 1 1 1 0 (rate ¾), x = −1 with labels 1 0 0 0 (rate ¼), no L2. The MLE fits both rates:
        // w + b = logit ¾ = ln 3 and −w + b = logit ¼ = −ln 3, so w* = ln 3, b* = 0, and
        // F* = −(1/8)(6 ln ¾ + 2 ln ¼) = −(3 ln 3 − 8 ln 2)/4.
        float[] x = [1, 1, 1, 1, -1, -1, -1, -1];
        float[] y = [1, 1, 1, 0, 1, 0, 0, 0];
        var objective = new LogisticObjective(new LogisticDataset(FeatureMatrix.Dense(8, 1, x), y), LossKind.LogLoss, 0, 1);

        OptimumResult result = OptimumSolver.Solve(objective);

        Assert.Equal(Math.Log(3), result.Parameters[0], 10);
        Assert.Equal(0, result.Parameters[1], 10);
        Assert.Equal(-(3 * Math.Log(3) - 8 * Math.Log(2)) / 4, result.Objective, 12);
    }

    [Fact]
    public void Example_weights_and_L2_give_the_closed_form_optimum()
    {
        // A zero feature: the L2 term alone pins w* = 0. The bias fits the weighted label rate 3/(3 + 1):
        // b* = logit ¾ = ln 3. F* = (3·ln(4/3) + 1·ln 4)/4.
        var data = new LogisticDataset(FeatureMatrix.Dense(2, 1, [0f, 0f]), [1f, 0f], [3f, 1f]);
        var objective = new LogisticObjective(data, LossKind.LogLoss, 1.0, 1);

        OptimumResult result = OptimumSolver.Solve(objective);

        Assert.Equal(0, result.Parameters[0], 12);
        Assert.Equal(Math.Log(3), result.Parameters[1], 10);
        Assert.Equal((3 * Math.Log(4.0 / 3) + Math.Log(4)) / 4, result.Objective, 12);
    }

    [Fact]
    public void Sparse_and_dense_storage_of_one_problem_give_the_same_optimum()
    {
        // Rows with explicit zeros dropped in the sparse copy.
        float[] dense =
        [
            1.5f, 0f, -0.5f,
            0f, 2f, 0f,
            -1f, 0f, 0f,
            0f, -1.5f, 1f,
            0.5f, 0.5f, 0.5f,
            0f, 0f, -2f,
            2f, -1f, 0f,
        ];
        float[] labels = [1, 0, 0, 1, 1, 0, 1];
        var rowStarts = new List<int> { 0 };
        var columns = new List<int>();
        var values = new List<float>();
        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                if (dense[i * 3 + j] != 0)
                {
                    columns.Add(j);
                    values.Add(dense[i * 3 + j]);
                }
            }

            rowStarts.Add(values.Count);
        }

        var denseData = new LogisticDataset(FeatureMatrix.Dense(7, 3, dense), labels);
        var sparseData = new LogisticDataset(
            FeatureMatrix.Sparse(7, 3, rowStarts.ToArray(), columns.ToArray(), values.ToArray()), (float[])labels.Clone());

        OptimumResult a = OptimumSolver.Solve(new LogisticObjective(denseData, LossKind.LogLoss, 0.3, 1));
        OptimumResult b = OptimumSolver.Solve(new LogisticObjective(sparseData, LossKind.LogLoss, 0.3, 1));

        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(a.Parameters[j], b.Parameters[j], 10);
        }

        Assert.Equal(a.Objective, b.Objective, 13);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hessian_matches_central_differences_of_the_gradient(bool sparse)
    {
        LogisticDataset data = RandomProblem(rows: 10, columns: 3, seed: 9);
        if (sparse)
        {
            float[] dense = data.Features.ToDenseArray();
            int[] rowStarts = Enumerable.Range(0, 11).Select(i => 3 * i).ToArray();
            int[] columns = Enumerable.Range(0, 30).Select(k => k % 3).ToArray();
            data = new LogisticDataset(FeatureMatrix.Sparse(10, 3, rowStarts, columns, dense), data.Labels,
                [1f, 2f, 0.5f, 1f, 1f, 3f, 1f, 0.25f, 1f, 1f]);
        }

        var objective = new LogisticObjective(data, LossKind.LogLoss, 0.7, 1);
        double[] theta = [0.4, -0.3, 0.2, 0.1];
        Matrix<double> hessian = OptimumSolver.Hessian(objective, theta);

        const double h = 1e-5;
        var plus = new double[4];
        var minus = new double[4];
        for (int k = 0; k < 4; k++)
        {
            double[] up = (double[])theta.Clone();
            double[] down = (double[])theta.Clone();
            up[k] += h;
            down[k] -= h;
            objective.Evaluate(objective.AllRows, up, plus);
            objective.Evaluate(objective.AllRows, down, minus);
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal((plus[j] - minus[j]) / (2 * h), hessian[j, k], 8);
            }
        }

        Assert.True(hessian.Equals(hessian.Transpose()));
    }

    [Fact]
    public void Squared_error_is_refused()
    {
        var data = new LogisticDataset(FeatureMatrix.Dense(2, 1, [0.5f, 2.5f]), [0.2f, 0.9f]);

        Assert.Throws<NotSupportedException>(() => OptimumSolver.Solve(new LogisticObjective(data, LossKind.SquaredError, 0, 1)));
    }
}
