namespace AdaHessian.Benchmarks.EndToEnd;

/// <summary>
/// The spectrum of the Hessian H of F at the optimum θ*, plain and with exact-diagonal (Jacobi) scaling, the best case
/// of what AdaHessian with HessianPower 1 applies: its step is −η D⁻¹m, and I − ηD⁻¹H has the eigenvalues of
/// I − η D^{-1/2} H D^{-1/2}. <see cref="Jacobi"/> holds the scaled matrix's eigenvalues μ ascending and
/// <see cref="JacobiGap"/> the quadratic model's F − F* at θ = 0 along each of their eigenvectors, ½μᵢcᵢ².
/// </summary>
internal sealed record ConditioningResult(
    string Name,
    int Rows,
    int Parameters,
    double LambdaMin,
    double LambdaMax,
    double[] Jacobi,
    double[] JacobiGap,
    double Optimum,
    double GradientNorm,
    double NewtonDecrement,
    double Seconds)
{
    /// <summary>A preconditioned eigenvalue below this fraction of the largest counts as a slow direction.</summary>
    public const double SlowFraction = 1e-3;

    /// <summary>The error reduction the closed-form iteration count refers to.</summary>
    public const double Reduction = 1e3;

    /// <summary>AdaHessian's default β₁, the momentum of the second model.</summary>
    public const double Momentum = 0.9;

    private const double NeverSteps = 1e15;

    public double Kappa => LambdaMax / LambdaMin;

    public double JacobiMin => Jacobi[0];

    public double JacobiMax => Jacobi[^1];

    public double JacobiKappa => JacobiMax / JacobiMin;

    public int SlowDirections => Jacobi.Count(mu => mu < SlowFraction * JacobiMax);

    /// <summary>
    /// Gradient descent with the best fixed step on a quadratic with condition number κ contracts the error by
    /// (κ − 1)/(κ + 1) per step, so shrinking it 10³-fold takes ln(10³)/ln((κ+1)/(κ−1)) ≈ κ·ln(10³)/2 steps.
    /// </summary>
    public static double GradientDescentSteps(double kappa) => kappa * Math.Log(Reduction) / 2;

    /// <summary>
    /// F − F* after k steps on the Jacobi-scaled quadratic model, started at θ = 0 like the trainers, of
    /// eᵢ ← eᵢ − α μᵢ eᵢ + β (eᵢ − eᵢ′) (heavy ball; β = 0 is gradient descent; Adam-style momentum
    /// m ← βm + (1−β)g with step η is α = η(1−β)). Each mode decays as ρᵢᵏ, ρᵢ the larger root modulus of
    /// r² − (1 + β − αμᵢ) r + β, exact for β = 0 and, from rest, close for the slow modes: Σᵢ ½μᵢcᵢ² ρᵢ^{2k}.
    /// </summary>
    public double ModelGap(double steps, double beta, double stepSize)
    {
        double gap = 0;
        for (int i = 0; i < Jacobi.Length; i++)
        {
            double rho = Rate(Jacobi[i], beta, stepSize);
            gap += steps == 0 ? JacobiGap[i] : rho == 0 ? 0 : JacobiGap[i] * Math.Exp(2 * steps * Math.Log(rho));
        }

        return gap;
    }

    /// <summary>Fewest model steps with F − F* ≤ tolerance·|F*| (∞ when more than 10¹⁵ or unstable).</summary>
    public double ModelSteps(double tolerance, double beta, double stepSize)
    {
        double target = tolerance * Math.Abs(Optimum);
        if (Jacobi.Any(mu => Rate(mu, beta, stepSize) >= 1 && mu > 0))
        {
            return double.PositiveInfinity;
        }

        double low = 0, high = 1;
        while (ModelGap(high, beta, stepSize) > target)
        {
            if (high > NeverSteps)
            {
                return double.PositiveInfinity;
            }

            (low, high) = (high, high * 2);
        }

        while (high - low > 1)
        {
            double mid = Math.Floor((low + high) / 2);
            (low, high) = ModelGap(mid, beta, stepSize) > target ? (mid, high) : (low, mid);
        }

        return ModelGap(low, beta, stepSize) <= target ? low : high;
    }

    /// <summary>The fewest model steps over fixed steps α = f·2(1+β)/μmax, f = 0.1 … 0.99 (2(1+β)/μmax is the stability limit).</summary>
    public (double Steps, double StepSize) BestSteps(double tolerance, double beta)
    {
        (double Steps, double StepSize) best = (double.PositiveInfinity, double.NaN);
        foreach (double f in new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99 })
        {
            double alpha = f * 2 * (1 + beta) / JacobiMax;
            double steps = ModelSteps(tolerance, beta, alpha);
            if (steps < best.Steps)
            {
                best = (steps, alpha);
            }
        }

        return best;
    }

    private static double Rate(double mu, double beta, double alpha)
    {
        double b = 1 + beta - alpha * mu;
        double disc = b * b - 4 * beta;
        if (disc < 0)
        {
            return Math.Sqrt(beta);
        }

        double root = Math.Sqrt(disc);
        return Math.Max(Math.Abs(b + root), Math.Abs(b - root)) / 2;
    }
}
