using System.Runtime.CompilerServices;

namespace AdaHessian.Regularization;

/// <summary>
/// Conjugate gradients on H·x = b for the Hessian H of a <see cref="PenalizedObjective"/> at θ, preconditioned by
/// the inverse of a diagonal; every iteration is one Hessian-vector product. Buffers are reused between solves.
/// </summary>
internal sealed class ConjugateGradient
{
    private readonly PenalizedObjective _objective;
    private readonly double[] _residual, _preconditioned, _direction, _product, _scratch;

    public ConjugateGradient(PenalizedObjective objective)
    {
        _objective = objective;
        int p = objective.ParameterCount;
        _residual = new double[p];
        _preconditioned = new double[p];
        _direction = new double[p];
        _product = new double[p];
        _scratch = new double[p];
    }

    /// <summary>Hessian-vector products so far.</summary>
    public long Products { get; private set; }

    /// <summary>
    /// Solves from x = 0 until ‖b − Hx‖ ≤ <paramref name="residualTarget"/> or <paramref name="maximumIterations"/>.
    /// Stops early at a direction without positive curvature (a non-convex loss); then x is what CG had, or M⁻¹b when
    /// it had nothing yet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(ReadOnlyMemory<int> rows, double c, ReadOnlySpan<double> theta, ReadOnlySpan<double> b,
        ReadOnlySpan<double> inverseDiagonal, Span<double> x, double residualTarget, int maximumIterations,
        CancellationToken cancellationToken)
    {
        int p = x.Length;
        for (int j = 0; j < p; j++)
        {
            x[j] = 0;
            _residual[j] = b[j];
            _preconditioned[j] = inverseDiagonal[j] * b[j];
            _direction[j] = _preconditioned[j];
        }

        double rz = Dot(_residual, _preconditioned);
        for (int k = 0; k < maximumIterations && rz > 0; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _objective.HessianProduct(rows, theta, c, _direction, _product, _scratch);
            Products++;
            double curvature = Dot(_direction, _product);
            if (!(curvature > 0))
            {
                if (k == 0)
                {
                    _preconditioned.CopyTo(x);
                }

                return;
            }

            double alpha = rz / curvature;
            for (int j = 0; j < p; j++)
            {
                x[j] += alpha * _direction[j];
                _residual[j] -= alpha * _product[j];
            }

            if (Math.Sqrt(Dot(_residual, _residual)) <= residualTarget)
            {
                return;
            }

            for (int j = 0; j < p; j++)
            {
                _preconditioned[j] = inverseDiagonal[j] * _residual[j];
            }

            double next = Dot(_residual, _preconditioned);
            double beta = next / rz;
            rz = next;
            for (int j = 0; j < p; j++)
            {
                _direction[j] = _preconditioned[j] + beta * _direction[j];
            }
        }
    }

    /// <summary>The inverse of a Hessian diagonal, 0 where a coordinate has no curvature (and then no gradient either).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(ReadOnlySpan<double> diagonal, Span<double> inverse)
    {
        for (int j = 0; j < diagonal.Length; j++)
        {
            inverse[j] = diagonal[j] > 0 ? 1 / diagonal[j] : 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }
}
