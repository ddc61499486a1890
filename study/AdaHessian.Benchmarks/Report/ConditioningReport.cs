using System.Text;
using AdaHessian.Benchmarks.EndToEnd;

namespace AdaHessian.Benchmarks.Report;

/// <summary>The "Conditioning at the optimum" table and the limits bullet that quotes it.</summary>
internal static class ConditioningReport
{
    public static void Table(StringBuilder md, IReadOnlyList<ConditioningResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        Line(md, "## Conditioning at the optimum");
        Line(md);
        Line(md, "| Problem | d + 1 | λmin(H) | λmax(H) | κ(H) | μmin…μmax | κ(D^-1/2 H D^-1/2) | Slow directions | GD steps κ·ln(10³)/2 | Model steps to target from θ = 0 | ‖∇F(θ*)‖ | ½gᵀH⁻¹g / F* | Time |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (ConditioningResult c in results)
        {
            Line(md, $"| {c.Name} | {c.Parameters} | {c.LambdaMin:G3} | {c.LambdaMax:G3} | {c.Kappa:G3} | {c.JacobiMin:G3}…{c.JacobiMax:G3} | {c.JacobiKappa:G3} | " +
                $"{c.SlowDirections} of {c.Parameters} | {Count(ConditioningResult.GradientDescentSteps(c.JacobiKappa))} | {Count(c.ModelSteps(TimeToOptimum.Tolerance))} | " +
                $"{c.GradientNorm:G2} | {c.NewtonDecrement / Math.Abs(c.Optimum):G2} | {c.Seconds:F1} s |");
        }

        Line(md);
    }

    /// <summary>
    /// The limits bullet: per problem, what exact-diagonal scaling leaves of κ(H) and how many steps of the best
    /// diagonal method on the quadratic model the target needs, against the steps the AdaHessian setting had when it
    /// missed. False when there is nothing measured to quote.
    /// </summary>
    public static bool Limits(StringBuilder md, List<ProblemResult> problems, IReadOnlyList<ConditioningResult> results)
    {
        if (results.Count == 0)
        {
            return false;
        }

        var text = new StringBuilder("- **Conditioning at θ\\* (measured, table above).** A diagonal preconditioner rescales the axes only, so " +
            "what it cannot fix is the condition number left after exact-diagonal (Jacobi) scaling, which is the best case of " +
            "AdaHessian's D (HessianPower 1, exact diagonal, no estimator noise).");
        foreach (ConditioningResult c in results)
        {
            double steps = c.ModelSteps(TimeToOptimum.Tolerance);
            text.Append($" {c.Name}: κ(H) = {c.Kappa:G3}; Jacobi scaling divides it by {c.Kappa / c.JacobiKappa:G3} to {c.JacobiKappa:G3} " +
                $"(μ {c.JacobiMin:G3}…{c.JacobiMax:G3}, {c.SlowDirections} of {c.Parameters} below {ConditioningResult.SlowFraction:0e0}·μmax), " +
                $"so gradient descent with step 1/μmax on the scaled quadratic model needs {Count(steps)} steps from θ = 0 to reach F* + {TimeToOptimum.Tolerance:0e0}·F*");
            ProblemResult? p = problems.FirstOrDefault(p => p.Problem.Name == c.Name);
            TrainerResult? ada = p?.Trainers.FirstOrDefault(t => t.Trainer == "AdaHessianTrainer");
            if (p is not null && ada is { Reached: false })
            {
                var options = p.Problem.AdaHessian();
                int perEpoch = options.BatchSize is int b ? (p.Problem.Train.Rows + b - 1) / b : 1;
                long had = (long)perEpoch * options.NumberOfEpochs;
                text.Append($"; AdaHessianTrainer had {had:N0} steps ({options.NumberOfEpochs} epochs × {perEpoch}), after which the model leaves " +
                    $"{c.ModelGap(had) / Math.Abs(c.Optimum):G2} relative (measured: {ada.RelativeGap:G2})");
            }

            text.Append('.');
        }

        text.Append(" Where Jacobi scaling leaves κ large, the remaining spread comes from the off-diagonal part of H (correlated features); " +
            "L-BFGS's curvature pairs act on those directions, a diagonal D cannot.");
        Line(md, text.ToString());
        return true;
    }

    private static string Count(double steps) => double.IsInfinity(steps) ? "> 1e15" : steps < 1e5 ? $"{steps:N0}" : $"{steps:G2}";

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
