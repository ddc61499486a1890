using AdaHessian.Data;
using AdaHessian.Objective;
using MathNet.Numerics.LinearAlgebra;

namespace AdaHessian.Study.Problems;

/// <summary>Where Newton's method ended: the parameters, F there, ‖∇F‖₂ and the iterations taken.</summary>
/// <param name="HessianCondition">cond(H) of the Hessian H at the optimum.</param>
/// <param name="ScaledHessianCondition">
/// cond(D^-½ H D^-½) with D = diag H: what is left for an optimizer that rescales each coordinate exactly. Near 1 when
/// the curvature is axis-aligned; close to cond(H) when it is rotated.
/// </param>
internal sealed record OptimumResult(double[] Parameters, double Objective, double GradientNorm, int Iterations,
    double HessianCondition, double ScaledHessianCondition);

/// <summary>
/// The reference optimum of a LogLoss objective (convex; strictly so with L2 &gt; 0): damped Newton from θ = 0 with
/// the exact Hessian H = (1/Ω)Σᵢ ωᵢ pᵢ(1 − pᵢ) x̃ᵢx̃ᵢᵀ + (λ/Ω)·diag(1, …, 1, 0), x̃ = (x, 1), solved by MathNet's dense
/// Cholesky, with Armijo backtracking. F and ∇F come from the same <see cref="LogisticObjective"/> the optimizers
/// train, so F* is measured by the same ruler; the Hessian is summed row by row in a fixed order.
/// </summary>
internal static class OptimumSolver
{
    /// <summary>Minimises the full-batch objective.</summary>
    /// <param name="objective">A LogLoss objective.</param>
    /// <param name="gradientTolerance">Stop when ‖∇F‖₂ falls to this.</param>
    /// <param name="maxIterations">Newton steps at most.</param>
    /// <exception cref="NotSupportedException">The loss is not LogLoss (squared error is not convex).</exception>
    /// <exception cref="InvalidOperationException">The gradient did not fall below 1e3 × the tolerance.</exception>
    public static OptimumResult Solve(LogisticObjective objective, double gradientTolerance = 1e-11, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (objective.Loss != LossKind.LogLoss)
        {
            throw new NotSupportedException($"Newton's reference optimum needs the convex LogLoss, not {objective.Loss}.");
        }

        int p = objective.ParameterCount;
        ReadOnlyMemory<int> all = objective.AllRows;
        var theta = new double[p];
        var trial = new double[p];
        var gradient = new double[p];
        double value = objective.Evaluate(all, theta, gradient);
        int iteration = 0;
        for (; iteration < maxIterations && Norm(gradient) > gradientTolerance; iteration++)
        {
            Vector<double> step = Hessian(objective, theta).Cholesky().Solve(Vector<double>.Build.Dense(gradient)).Negate();
            double slope = step.DotProduct(Vector<double>.Build.Dense(gradient));
            double t = 1;
            // Backtrack only while F can resolve the predicted decrease; below that, Newton is in its quadratic
            // regime and the full step is taken (comparing F values there would only compare rounding errors).
            bool resolvable = -slope > 1e-12 * Math.Max(1, Math.Abs(value));
            while (resolvable && t > 1e-12 && objective.Value(all, Step(theta, t, step, trial)) > value + 1e-4 * t * slope)
            {
                t /= 2;
            }

            double previous = Norm(gradient);
            Step(theta, t, step, trial).CopyTo(theta, 0);
            value = objective.Evaluate(all, theta, gradient);
            if (!resolvable && Norm(gradient) >= previous)
            {
                break; // The gradient has reached its rounding floor.
            }
        }

        double norm = Norm(gradient);
        if (norm > 1e3 * gradientTolerance)
        {
            throw new InvalidOperationException($"Newton stopped after {iteration} steps with ‖∇F‖ = {norm:G3}.");
        }

        Matrix<double> hessian = Hessian(objective, theta);
        Vector<double> scale = hessian.Diagonal().Map(d => 1 / Math.Sqrt(d));
        Matrix<double> scaled = Matrix<double>.Build.Diagonal(scale.ToArray()) * hessian * Matrix<double>.Build.Diagonal(scale.ToArray());
        return new OptimumResult(theta, value, norm, iteration, Condition(hessian), Condition(scaled));
    }

    /// <summary>The exact Hessian of the full-batch LogLoss objective at θ.</summary>
    public static Matrix<double> Hessian(LogisticObjective objective, ReadOnlySpan<double> theta)
    {
        LogisticDataset data = objective.Data;
        int d = data.FeatureCount;
        var h = new double[d + 1, d + 1];
        var row = new double[d + 1];
        row[d] = 1;
        for (int i = 0; i < data.RowCount; i++)
        {
            double omega = data.Weights?[i] ?? 1.0;
            FeatureRow features = data.Features.Row(i);
            Array.Clear(row, 0, d);
            for (int k = 0; k < features.Values.Length; k++)
            {
                row[features.Indices.IsEmpty ? k : features.Indices[k]] = features.Values[k];
            }

            double a = theta[d];
            for (int j = 0; j < d; j++)
            {
                a += row[j] * theta[j];
            }

            double prob = 1 / (1 + Math.Exp(-a));
            double c = omega * prob * (1 - prob) / data.TotalWeight;
            for (int j = 0; j <= d; j++)
            {
                for (int k = 0; k <= j; k++)
                {
                    h[j, k] += c * row[j] * row[k];
                }
            }
        }

        double l2 = objective.L2Regularization / data.TotalWeight;
        return Matrix<double>.Build.Dense(d + 1, d + 1, (j, k) => j >= k ? h[j, k] + (j == k && j < d ? l2 : 0) : h[k, j]);
    }

    private static double Condition(Matrix<double> symmetric)
    {
        Vector<double> eigenvalues = symmetric.Evd(Symmetricity.Symmetric).EigenValues.Map(e => e.Real);
        return eigenvalues.Maximum() / eigenvalues.Minimum();
    }

    private static double[] Step(double[] theta, double t, Vector<double> step, double[] trial)
    {
        for (int j = 0; j < theta.Length; j++)
        {
            trial[j] = theta[j] + t * step[j];
        }

        return trial;
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));
}
