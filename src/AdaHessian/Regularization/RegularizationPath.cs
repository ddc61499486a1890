namespace AdaHessian.Regularization;

/// <summary>
/// The held-out loss along a path of strengths, largest first, each fold warm-started from its fit at the previous
/// strength (a strongly regularized problem is well conditioned, and each next one starts close to its optimum). The
/// path stops one strength past the best, or at one 2 % worse than the best; a parabola in log λ through the best and
/// its neighbours proposes one more.
/// </summary>
internal static class RegularizationPath
{
    // Strengths tried past the best before the path stops. Held-out curves are smooth but not exactly unimodal; a
    // decade apart (the default grid) a local rise is rare, and each weaker strength is the most expensive yet to fit.
    private const int Patience = 1;

    // A held-out loss this far above the best ends the path at once: noise on a flat stretch is far smaller, and the
    // weaker strengths further on are the most expensive to fit.
    private const double Rise = 0.02;

    /// <summary>The strength with the lowest weighted mean held-out loss, the candidates tried, and any warning.</summary>
    public static (double Best, List<L2Candidate> Candidates, string? Warning) Run(NewtonSolver solver,
        IReadOnlyList<SearchFold> folds, double[] grid, ReadOnlySpan<double> start, double tolerance,
        CancellationToken cancellationToken)
    {
        int p = start.Length;
        var theta = new double[folds.Count][];
        var best = new double[folds.Count][];
        for (int f = 0; f < folds.Count; f++)
        {
            theta[f] = start.ToArray();
            best[f] = new double[p];
        }

        var candidates = new List<L2Candidate>();
        int bestIndex = -1;
        double bestScore = double.PositiveInfinity;
        var scores = new double[grid.Length];
        int tried = 0;
        for (int i = 0; i < grid.Length && i - bestIndex <= Patience; i++, tried++)
        {
            if (i > 0 && scores[i - 1] > bestScore * (1 + Rise))
            {
                break;
            }

            scores[i] = Score(solver, folds, theta, grid[i], tolerance, cancellationToken);
            candidates.Add(new L2Candidate(grid[i], scores[i]));
            if (scores[i] < bestScore)
            {
                (bestScore, bestIndex) = (scores[i], i);
                for (int f = 0; f < folds.Count; f++)
                {
                    theta[f].CopyTo(best[f], 0);
                }
            }
        }

        if (bestIndex < 0)
        {
            return (grid[0], candidates, "no strength gave a finite held-out loss; using the largest");
        }

        double chosen = grid[bestIndex];
        if (bestIndex > 0 && bestIndex < tried - 1)
        {
            double refined = Vertex(grid, scores, bestIndex);
            double score = Score(solver, folds, best, refined, tolerance, cancellationToken);
            candidates.Add(new L2Candidate(refined, score));
            if (score < bestScore)
            {
                chosen = refined;
            }
        }

        string? warning = bestIndex == 0
            ? FormattableString.Invariant($"the held-out loss was lowest at the largest strength tried ({grid[0]:G4}): the data may want more")
            : bestIndex == grid.Length - 1
                ? FormattableString.Invariant($"the held-out loss was lowest at the smallest strength tried ({grid[^1]:G4}): the data may be separable")
                : null;
        return (chosen, candidates, warning);
    }

    // The weighted mean held-out loss at λ, each fold fitted in place from its current parameters.
    private static double Score(NewtonSolver solver, IReadOnlyList<SearchFold> folds, double[][] theta, double lambda,
        double tolerance, CancellationToken cancellationToken)
    {
        double sum = 0, weight = 0;
        for (int f = 0; f < folds.Count; f++)
        {
            SearchFold fold = folds[f];
            solver.Minimize(fold.TrainRows, lambda / fold.TrainWeight, theta[f], tolerance, cancellationToken);
            sum += fold.ScoreWeight * fold.Scorer.Value(fold.ScoreRows, theta[f]);
            weight += fold.ScoreWeight;
        }

        double score = sum / weight;
        return double.IsFinite(score) ? score : double.PositiveInfinity;
    }

    // The minimum of the parabola through the best grid point and its two neighbours, in log λ (the grid is evenly
    // spaced there), kept within one grid step of the best.
    private static double Vertex(double[] grid, double[] scores, int b)
    {
        double before = scores[b - 1], at = scores[b], after = scores[b + 1];
        double curvature = before - 2 * at + after;
        double offset = curvature > 0 ? 0.5 * (before - after) / curvature : 0;
        offset = Math.Clamp(offset, -1, 1);
        double logStep = Math.Log(grid[b + 1] / grid[b]);
        return grid[b] * Math.Exp(offset * logStep);
    }
}
