using System.Text;
using AdaHessian.Benchmarks.EndToEnd;

namespace AdaHessian.Benchmarks.Report;

/// <summary>The "Conditioning at the optimum" table and the limits bullet that quotes it.</summary>
internal static class ConditioningReport
{
    private const double Beta = ConditioningResult.Momentum;

    public static void Table(StringBuilder md, IReadOnlyList<ConditioningResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        Line(md, "## Conditioning at the optimum");
        Line(md);
        Line(md, "H = (1/n) Σᵢ pᵢ(1−pᵢ) x̃ᵢx̃ᵢᵀ + (λ/n) diag(1, …, 1, 0), x̃ = (x, 1), is the Hessian of F at θ\\* = the tight L-BFGS " +
            "run's weights and bias (formed in double with MathNet, dense problems only; d = 10,001 is too large for a dense eigendecomposition). " +
            "μ are the eigenvalues of D^-1/2 H D^-1/2, D = diag(H): the spectrum a diagonal preconditioner with the exact diagonal leaves " +
            "(AdaHessian's best case with HessianPower 1). Slow directions: μ < 1e-3·μmax. GD steps: κ·ln(10³)/2, the steps gradient descent " +
            "with the best fixed step needs to shrink the error 10³-fold at condition number κ = κ(D^-1/2 H D^-1/2). Model steps: the fewest " +
            $"steps to F ≤ F*·(1 + {TimeToOptimum.Tolerance:0e0}) from θ = 0 on the quadratic model ½(θ−θ\\*)ᵀH(θ−θ\\*) in the scaled " +
            $"coordinates, with the best fixed step (searched up to the stability limit), without momentum and with heavy-ball momentum " +
            $"β = {Beta} (AdaHessian's β₁). ‖∇F(θ\\*)‖ and the Newton decrement ½gᵀH⁻¹g (≈ F(θ\\*) − min F) show how close θ\\* is.");
        Line(md);
        Line(md, "| Problem | d + 1 | λmin(H) | λmax(H) | κ(H) | μmin…μmax | κ(D^-1/2 H D^-1/2) | Slow directions | GD steps κ·ln(10³)/2 | " +
            $"Model steps, no momentum | Model steps, β = {Beta} | ‖∇F(θ\\*)‖ | ½gᵀH⁻¹g / F\\* | Time |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (ConditioningResult c in results)
        {
            Line(md, $"| {c.Name} | {c.Parameters} | {Sci(c.LambdaMin)} | {Sci(c.LambdaMax)} | {Sci(c.Kappa)} | {Sci(c.JacobiMin)}…{Sci(c.JacobiMax)} | " +
                $"{Sci(c.JacobiKappa)} | {c.SlowDirections} of {c.Parameters} | {Count(ConditioningResult.GradientDescentSteps(c.JacobiKappa))} | " +
                $"{Count(c.BestSteps(TimeToOptimum.Tolerance, 0).Steps)} | {Count(c.BestSteps(TimeToOptimum.Tolerance, Beta).Steps)} | " +
                $"{Sci(c.GradientNorm)} | {Sci(c.NewtonDecrement / Math.Abs(c.Optimum))} | {c.Seconds:F1} s |");
        }

        Line(md);
    }

    /// <summary>
    /// The limits bullet: per problem, what exact-diagonal scaling leaves of κ(H) and how many steps the best-tuned
    /// diagonal method needs on the quadratic model, against the steps the AdaHessian setting had when it missed.
    /// False when there is nothing measured to quote.
    /// </summary>
    public static bool Limits(StringBuilder md, List<ProblemResult> problems, IReadOnlyList<ConditioningResult> results)
    {
        if (results.Count == 0)
        {
            return false;
        }

        var text = new StringBuilder("- **Conditioning at θ\\* (measured, table above).** A diagonal preconditioner only rescales the axes, " +
            "so what it cannot remove is the condition number left after exact-diagonal (Jacobi) scaling; the quadratic model at θ\\* with " +
            "that scaling, no Hutchinson or mini-batch noise and the best fixed step is a best case for AdaHessian near the optimum.");
        foreach (ConditioningResult c in results)
        {
            double tolerance = TimeToOptimum.Tolerance;
            var (plain, _) = c.BestSteps(tolerance, 0);
            var (momentum, alpha) = c.BestSteps(tolerance, Beta);
            text.Append($" {c.Name}: κ(H) = {Sci(c.Kappa)}; Jacobi scaling divides it by {Sci(c.Kappa / c.JacobiKappa)} to {Sci(c.JacobiKappa)} " +
                $"(μ {Sci(c.JacobiMin)}…{Sci(c.JacobiMax)}, {c.SlowDirections} of {c.Parameters} below {ConditioningResult.SlowFraction:0e0}·μmax), " +
                $"so the model needs {Count(plain)} steps from θ = 0 to the target without momentum and {Count(momentum)} with β = {Beta}");
            ProblemResult? p = problems.FirstOrDefault(p => p.Problem.Name == c.Name);
            TrainerResult? ada = p?.Trainers.FirstOrDefault(t => t.Trainer == "AdaHessianTrainer");
            if (p is not null && ada is { Reached: false })
            {
                var options = p.Problem.AdaHessian();
                int perEpoch = options.BatchSize is int b ? (p.Problem.Train.Rows + b - 1) / b : 1;
                long had = (long)perEpoch * options.NumberOfEpochs;
                double left = double.IsNaN(alpha) ? double.NaN : c.ModelGap(had, Beta, alpha) / Math.Abs(c.Optimum);
                text.Append($"; AdaHessianTrainer had {had:N0} steps ({options.NumberOfEpochs} epochs × {perEpoch}), after which even the " +
                    $"β = {Beta} model leaves F − F* = {Sci(left)} relative (measured: {Sci(ada.RelativeGap)})");
            }

            text.Append('.');
        }

        text.Append(" Where Jacobi scaling leaves κ large, the spread is in the off-diagonal part of H (correlated features): " +
            "L-BFGS's curvature pairs act on such directions, a diagonal D cannot.");
        Line(md, text.ToString());
        return true;
    }

    private static string Count(double steps) => double.IsInfinity(steps) ? "> 1e15" : steps < 1e5 ? $"{steps:N0}" : Sci(steps);

    // 3 significant digits: e-notation outside [1e-3, 1e5), digit groups from 100 up.
    private static string Sci(double x) => x switch
    {
        0 or double.NaN => $"{x}",
        _ when Math.Abs(x) < 1e-3 || Math.Abs(x) >= 1e5 => $"{x:0.##e0}",
        _ when Math.Abs(x) >= 100 => $"{Math.Round(x / Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(x))) - 2)) * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(x))) - 2):N0}",
        _ => $"{x:G3}",
    };

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
