using AdaHessian.Data;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Trainers;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace AdaHessian.Suite.Tests.Trainers;

public class CrossValidatedLbfgsTests
{
    // 60 rows × 4 features from a weak planted model, so that neither end of the grid is best.
    private static readonly LogisticDataset Train = Planted(60, 4, seed: 5);

    private static readonly CrossValidation Search = CrossValidatedLbfgs.Search(Train, L2Grid.Default);

    [Fact]
    public void The_held_out_losses_are_those_of_exact_fits_on_the_same_folds()
    {
        double[] exact = BruteForceHeldOut(Train, L2Grid.Default);

        for (int l = 0; l < exact.Length; l++)
        {
            Assert.Equal(exact[l], Search.HeldOutLogLoss[l], 3);
        }
    }

    [Fact]
    public void The_chosen_L2_is_the_one_whose_exact_held_out_loss_is_lowest()
    {
        double[] exact = BruteForceHeldOut(Train, L2Grid.Default);
        int best = Array.IndexOf(exact, exact.Min());
        double runnerUp = exact.Where((_, l) => l != best).Min();

        Assert.InRange(best, 1, exact.Length - 2);   // an interior optimum, so the test can tell a wrong choice
        Assert.True(runnerUp - exact[best] > 1e-3, $"the best L2 wins by only {runnerUp - exact[best]:G3}");
        Assert.Equal(L2Grid.Default[best], Search.ChosenL2);
    }

    [Fact]
    public void The_search_makes_one_fit_per_fold_and_L2_plus_the_refit() =>
        Assert.Equal(5 * 10 + 1, Search.Fits);

    [Fact]
    public void The_refit_is_the_fit_on_every_training_row_at_the_chosen_L2()
    {
        var (w, b) = Newton(Train, Search.ChosenL2);

        Assert.Equal(b, Search.Model.Bias, 3);
        for (int j = 0; j < w.Length; j++)
        {
            Assert.Equal(w[j], Search.Model.Weights[j], 3);
        }
    }

    [Fact]
    public void Of_equal_losses_the_larger_L2_is_chosen_and_NaN_losses_never()
    {
        Assert.Equal(2, CrossValidatedLbfgs.Choose([0.1, 1, 10], [0.5, 0.4, 0.4]));
        Assert.Equal(0, CrossValidatedLbfgs.Choose([0.1, 1, 10], [0.5, double.NaN, 0.6]));
        Assert.Throws<ArgumentException>(() => CrossValidatedLbfgs.Choose([1.0], [double.NaN]));
    }

    // Per L2: every fold's model fitted exactly (Newton) to the other folds, its log-loss summed over the fold, over n.
    private static double[] BruteForceHeldOut(LogisticDataset data, IReadOnlyList<double> grid)
    {
        int[] fold = StratifiedFolds.Assign(data.Labels, 5);
        var losses = new double[grid.Count];
        for (int l = 0; l < grid.Count; l++)
        {
            double sum = 0;
            for (int k = 0; k < 5; k++)
            {
                var rest = DatasetRows.Select(data, [.. Enumerable.Range(0, data.RowCount).Where(i => fold[i] != k)]);
                var (w, b) = Newton(rest, grid[l]);
                for (int i = 0; i < data.RowCount; i++)
                {
                    if (fold[i] == k)
                    {
                        double a = b + Dot(w, data.Features.Row(i).Values);
                        sum += data.Labels[i] == 1f ? Math.Log(1 + Math.Exp(-a)) : Math.Log(1 + Math.Exp(a));
                    }
                }
            }

            losses[l] = sum / data.RowCount;
        }

        return losses;
    }

    // The minimiser of Σᵢ log-loss + (λ/2)‖w‖², bias unpenalised, by Newton's method on (w, b).
    private static (double[] W, double B) Newton(LogisticDataset data, double lambda)
    {
        int d = data.FeatureCount;
        var theta = Vector<double>.Build.Dense(d + 1);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var gradient = Vector<double>.Build.Dense(d + 1);
            var hessian = Matrix<double>.Build.Dense(d + 1, d + 1);
            for (int i = 0; i < data.RowCount; i++)
            {
                var x = Vector<double>.Build.Dense(d + 1, j => j < d ? data.Features.Row(i).Values[j] : 1);
                double p = 1 / (1 + Math.Exp(-x.DotProduct(theta)));
                gradient += (p - data.Labels[i]) * x;
                hessian += p * (1 - p) * x.OuterProduct(x);
            }

            for (int j = 0; j < d; j++)
            {
                gradient[j] += lambda * theta[j];
                hessian[j, j] += lambda;
            }

            var step = hessian.Solve(gradient);
            theta -= step;
            if (step.L2Norm() < 1e-12)
            {
                break;
            }
        }

        return ([.. theta.Take(d)], theta[d]);
    }

    private static double Dot(double[] w, ReadOnlySpan<float> x)
    {
        double sum = 0;
        for (int j = 0; j < w.Length; j++)
        {
            sum += w[j] * x[j];
        }

        return sum;
    }

    private static LogisticDataset Planted(int rows, int features, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        double[] w = [.. Enumerable.Range(0, features).Select(_ => random.NextDouble() - 0.5)];
        var values = new float[rows * features];
        var labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double a = 0;
            for (int j = 0; j < features; j++)
            {
                values[i * features + j] = (float)(2 * random.NextDouble() - 1);
                a += w[j] * values[i * features + j];
            }

            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-a)) ? 1f : 0f;
        }

        return new LogisticDataset(FeatureMatrix.Dense(rows, features, values), labels);
    }
}
