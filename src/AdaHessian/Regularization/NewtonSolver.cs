namespace AdaHessian.Regularization;

/// <summary>
/// Truncated Newton on rows of a <see cref="PenalizedObjective"/>: each iteration solves H·s = −g by conjugate
/// gradients preconditioned with the exact Hessian diagonal, then backtracks on the objective. The search solves one
/// regularized problem per fold and strength, each warm-started from the last, where Newton converges in a few
/// iterations — far fewer data passes than a first-order run.
/// </summary>
/// <remarks>Sequential and deterministic: the result depends only on the objective's (deterministic) passes.</remarks>
internal sealed class NewtonSolver
{
    /// <summary>Newton iterations per solve at most.</summary>
    public const int MaximumIterations = 50;

    private const int MaximumCgIterations = 100;
    private const double Armijo = 1e-4;
    private const int MaximumHalvings = 30;

    private readonly PenalizedObjective _objective;
    private readonly ConjugateGradient _cg;
    private readonly double[] _gradient, _diagonal, _inverse, _negativeGradient, _step, _trial;
    private long _passes;

    public NewtonSolver(PenalizedObjective objective)
    {
        _objective = objective;
        _cg = new ConjugateGradient(objective);
        int p = objective.ParameterCount;
        _gradient = new double[p];
        _diagonal = new double[p];
        _inverse = new double[p];
        _negativeGradient = new double[p];
        _step = new double[p];
        _trial = new double[p];
    }

    /// <summary>Data passes so far (a value, gradient or Hessian-vector product each reads the rows once).</summary>
    public long Passes => _passes + _cg.Products;

    /// <summary>The conjugate-gradient solver, for callers that solve with the same Hessian (the evidence's trace).</summary>
    public ConjugateGradient ConjugateGradient => _cg;

    /// <summary>The exact Hessian diagonal at the last point <see cref="Minimize"/> evaluated (its result).</summary>
    public ReadOnlySpan<double> Diagonal => _diagonal;

    /// <summary>
    /// Minimizes F_rows + (c/2)‖w‖² from <paramref name="theta"/>, in place, until Newton's decrement says at most
    /// <paramref name="tolerance"/> × |F| is left (or no step decreases F any more).
    /// </summary>
    /// <returns>F at the result.</returns>
    public double Minimize(ReadOnlyMemory<int> rows, double c, Span<double> theta, double tolerance,
        CancellationToken cancellationToken)
    {
        double f = 0;
        for (int iteration = 0; iteration <= MaximumIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            f = _objective.EvaluateWithExactDiagonal(rows, theta, c, _gradient, _diagonal);
            _passes++;
            double gradientNorm = Math.Sqrt(ConjugateGradient.Dot(_gradient, _gradient));
            if (gradientNorm == 0 || iteration == MaximumIterations)
            {
                return f;
            }

            ConjugateGradient.Invert(_diagonal, _inverse);
            for (int j = 0; j < _gradient.Length; j++)
            {
                _negativeGradient[j] = -_gradient[j];
            }

            // Eisenstat–Walker's forcing term: a loose solve far from the optimum, a tight one near it.
            double target = Math.Min(0.1, Math.Sqrt(gradientNorm)) * gradientNorm;
            _cg.Solve(rows, c, theta, _negativeGradient, _inverse, _step, target, MaximumCgIterations, cancellationToken);
            double slope = ConjugateGradient.Dot(_gradient, _step);
            if (!(slope < 0) || -slope / 2 <= tolerance * Math.Abs(f))
            {
                return f;
            }

            if (!LineSearch(rows, c, theta, f, slope))
            {
                return f;
            }
        }

        return f;
    }

    // Backtracking from the full Newton step to the first that decreases F enough (Armijo); false when none does.
    private bool LineSearch(ReadOnlyMemory<int> rows, double c, Span<double> theta, double f, double slope)
    {
        double t = 1;
        for (int halving = 0; halving <= MaximumHalvings; halving++, t *= 0.5)
        {
            for (int j = 0; j < theta.Length; j++)
            {
                _trial[j] = theta[j] + t * _step[j];
            }

            double value = _objective.Value(rows, _trial, c);
            _passes++;
            if (value <= f + Armijo * t * slope)
            {
                _trial.CopyTo(theta);
                return true;
            }
        }

        return false;
    }
}
