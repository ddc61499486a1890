using System.Runtime.CompilerServices;

namespace AdaHessian.Regularization;

/// <summary>
/// Truncated Newton on rows of a <see cref="PenalizedObjective"/>: each iteration solves H·s = −g by conjugate
/// gradients preconditioned by the exact Hessian diagonal (<see cref="ConjugateGradient.Precondition"/>), then
/// backtracks on the objective. The search solves one regularized problem per fold and strength, each warm-started
/// from the last, where Newton converges in a few iterations — far fewer data passes than a first-order run.
/// </summary>
/// <remarks>Sequential and deterministic: the result depends only on the objective's (deterministic) passes.</remarks>
internal sealed class NewtonSolver
{
    /// <summary>Newton iterations per solve at most.</summary>
    public const int MaximumIterations = 50;

    private const int MaximumCgIterations = 100;
    private const double Armijo = 1e-4;
    private const int MaximumHalvings = 30;

    // The predicted next decrement must be this far below the tolerance: the constant of quadratic convergence is
    // itself estimated from one pair of steps.
    private const double PredictionMargin = 0.1;

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

    /// <summary>
    /// The exact Hessian diagonal at the last point where <see cref="Minimize"/> evaluated the gradient: its result, or
    /// one full Newton step before it when the decrements predicted that step to finish (a preconditioner either way).
    /// </summary>
    public ReadOnlySpan<double> Diagonal => _diagonal;

    /// <summary>
    /// Minimizes F_rows + (c/2)‖w‖² from <paramref name="theta"/>, in place, until Newton's decrement says at most
    /// <paramref name="tolerance"/> × |F| is left (or no step decreases F any more). Near the optimum each decrement
    /// is about a constant times the square of the last, so once the last two predict that the full step just taken
    /// leaves less than a tenth of the tolerance, the solve stops without the gradient pass and conjugate-gradient
    /// solve that would only confirm it; in the search that is a third of the passes.
    /// </summary>
    /// <returns>F at the result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Minimize(ReadOnlyMemory<int> rows, double c, Span<double> theta, double tolerance,
        CancellationToken cancellationToken)
    {
        double previous = double.NaN;
        for (int iteration = 0; ; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double f = _objective.EvaluateWithExactDiagonal(rows, theta, c, _gradient, _diagonal);
            _passes++;
            double gradientNorm = Math.Sqrt(ConjugateGradient.Dot(_gradient, _gradient));
            if (gradientNorm == 0 || iteration == MaximumIterations)
            {
                return f;
            }

            ConjugateGradient.Precondition(_diagonal, _inverse, _objective.Layout.Blocks);
            for (int j = 0; j < _gradient.Length; j++)
            {
                _negativeGradient[j] = -_gradient[j];
            }

            // Eisenstat–Walker's forcing term: a loose solve far from the optimum, a tight one near it.
            double target = Math.Min(0.1, Math.Sqrt(gradientNorm)) * gradientNorm;
            _cg.Solve(rows, c, theta, _negativeGradient, _inverse, _step, target, MaximumCgIterations, cancellationToken);
            double slope = ConjugateGradient.Dot(_gradient, _step);
            double decrement = -slope / 2 / Math.Abs(f);
            if (!(slope < 0) || decrement <= tolerance)
            {
                return f;
            }

            if (LineSearch(rows, c, theta, f, slope) is not { } step)
            {
                return f;
            }

            if (step.Full && previous > 0 && decrement / (previous * previous) * decrement * decrement <= PredictionMargin * tolerance)
            {
                return step.Value;
            }

            previous = step.Full ? decrement : double.NaN;
        }
    }

    // Backtracking from the full Newton step to the first that decreases F enough (Armijo): F there and whether it was
    // the full step; null when none does.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Value, bool Full)? LineSearch(ReadOnlyMemory<int> rows, double c, Span<double> theta, double f, double slope)
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
                return (value, halving == 0);
            }
        }

        return null;
    }
}
