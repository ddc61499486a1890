using AdaHessian.Curvature;

namespace AdaHessian.Regularization;

/// <summary>
/// MacKay's fixed point for the strength that maximizes the evidence (type-II likelihood under a Laplace
/// approximation): at the MAP fit for λ, γ = (weights) − λ·tr((H_data + λP)⁻¹P) counts the well-determined weights
/// (P keeps the weights, not the biases, whose prior is flat), and λ ← γ / ‖w‖². The trace comes from Hutchinson's
/// estimate zᵀA⁻¹z over ±1 probes on the weights, each solve by conjugate gradients with the objective's own
/// Hessian-vector products. Each iteration refits warm from the last.
/// </summary>
internal static class EvidenceFixedPoint
{
    private const int MaximumIterations = 30;

    // |log(λ_next / λ)| below this ends the iteration: a 1 % change in λ moves the model far less than the search's noise.
    private const double Converged = 0.01;
    private const double ResidualFraction = 1e-3;
    private const int MaximumCgIterations = 200;

    /// <summary>The fixed point in [Minimum, Maximum], the iterates, and any warning.</summary>
    public static (double Best, List<L2Candidate> Candidates, string? Warning) Run(NewtonSolver solver,
        PenalizedObjective objective, ReadOnlyMemory<int> rows, double totalWeight, ReadOnlySpan<double> start,
        L2SearchOptions options, CancellationToken cancellationToken)
    {
        int p = objective.ParameterCount;
        int weights = objective.Layout.Blocks * objective.Layout.WeightsPerBlock;
        var theta = start.ToArray();
        var probes = new double[options.Probes * p];
        new RademacherProbes(options.Seed).Draw(probes, p);
        for (int j = 0; j < p; j++)
        {
            if (!objective.IsWeight(j))
            {
                for (int s = 0; s < options.Probes; s++)
                {
                    probes[s * p + j] = 0;
                }
            }
        }

        var inverse = new double[p];
        var solution = new double[p];
        var candidates = new List<L2Candidate>();
        double lambda = Math.Clamp(1, options.Minimum, options.Maximum);
        string? warning = null;
        (double X, double Residual)? previous = null;
        for (int iteration = 0; iteration < MaximumIterations; iteration++)
        {
            double c = lambda / totalWeight;
            solver.Minimize(rows, c, theta, options.Tolerance, cancellationToken);
            ConjugateGradient.Precondition(solver.Diagonal, inverse, objective.Layout.Blocks);

            // The Hessian of the normalised objective is (H_data + λP)/Ω, so zᵀ(H_F)⁻¹z = Ω · zᵀ(H_data + λP)⁻¹z.
            double trace = 0;
            for (int s = 0; s < options.Probes; s++)
            {
                ReadOnlySpan<double> z = probes.AsSpan(s * p, p);
                double target = ResidualFraction * Math.Sqrt(weights);
                solver.ConjugateGradient.Solve(rows, c, theta, z, inverse, solution, target, MaximumCgIterations, cancellationToken);
                trace += ConjugateGradient.Dot(z, solution);
            }

            trace /= options.Probes * totalWeight;
            double gamma = Math.Clamp(weights - lambda * trace, 0, weights);
            double squares = objective.WeightSquares(theta);
            double next = squares > 0 ? gamma / squares : double.PositiveInfinity;
            candidates.Add(new L2Candidate(lambda, next));
            double clamped = Math.Clamp(next, options.Minimum, options.Maximum);
            double x = Math.Log(lambda), residual = Math.Log(clamped) - x;
            if (Math.Abs(residual) < Converged || clamped == lambda)
            {
                warning = Edge(clamped, options);
                return (clamped, candidates, warning);
            }

            // The plain iteration λ ← γ/‖w‖² creeps when γ/‖w‖² changes nearly as fast as λ (steps of a few percent
            // over tens of refits); a secant step on log(γ/‖w‖²) − log λ, no longer than the plain step's tenfold,
            // lands near the root in a few.
            double step = residual;
            if (previous is var (px, pr) && pr != residual)
            {
                double secant = -residual * (x - px) / (residual - pr);
                if (double.IsFinite(secant) && Math.Sign(secant) == Math.Sign(residual))
                {
                    step = Math.Clamp(secant, -10 * Math.Abs(residual), 10 * Math.Abs(residual));
                }
            }

            previous = (x, residual);
            lambda = Math.Clamp(Math.Exp(x + step), options.Minimum, options.Maximum);
        }

        return (lambda, candidates, FormattableString.Invariant($"the fixed point did not settle in {MaximumIterations} iterations") +
            (Edge(lambda, options) is { } edge ? "; " + edge : ""));
    }

    private static string? Edge(double lambda, L2SearchOptions options) =>
        lambda <= options.Minimum
            ? FormattableString.Invariant($"the evidence wants the smallest strength allowed ({options.Minimum:G4}): the data may be separable")
            : lambda >= options.Maximum
                ? FormattableString.Invariant($"the evidence wants the largest strength allowed ({options.Maximum:G4}): the features may carry no signal")
                : null;
}
