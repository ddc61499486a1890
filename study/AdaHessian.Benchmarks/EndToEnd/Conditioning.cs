using System.Diagnostics;
using AdaHessian.Benchmarks.Data;
using AdaHessian.Objective;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Benchmarks.EndToEnd;

/// <summary>
/// The spectrum of the Hessian of F at the optimum θ*, plain and with exact-diagonal (Jacobi) scaling, which is the
/// best case of what AdaHessian with HessianPower 1 applies: its step is −η D⁻¹g, and the iteration matrix
/// I − ηD⁻¹H has the eigenvalues of I − η D^{-1/2} H D^{-1/2}.
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
    /// F − F* after k steps of gradient descent with step 1/μmax on the Jacobi-scaled quadratic model at θ*, started
    /// at θ = 0 like the trainers: Σᵢ ½μᵢcᵢ²(1 − μᵢ/μmax)^{2k}, cᵢ the start's error along eigenvector i.
    /// </summary>
    public double ModelGap(double steps)
    {
        double gap = 0;
        for (int i = 0; i < Jacobi.Length; i++)
        {
            double factor = 1 - Jacobi[i] / JacobiMax;
            gap += factor <= 0 ? (steps == 0 ? JacobiGap[i] : 0) : JacobiGap[i] * Math.Exp(2 * steps * Math.Log(factor));
        }

        return gap;
    }

    /// <summary>Fewest such steps with F − F* ≤ tolerance·F* in the model (∞ beyond 10¹⁵).</summary>
    public double ModelSteps(double tolerance)
    {
        double target = tolerance * Math.Abs(Optimum);
        double low = 0, high = 1;
        while (ModelGap(high) > target)
        {
            if (high > 1e15)
            {
                return double.PositiveInfinity;
            }

            (low, high) = (high, high * 2);
        }

        while (high - low > 1)
        {
            double mid = Math.Floor((low + high) / 2);
            (low, high) = ModelGap(mid) > target ? (mid, high) : (low, mid);
        }

        return ModelGap(low) <= target ? low : high;
    }
}

/// <summary>Forms H = (1/Ω) Σ ωᵢ pᵢ(1−pᵢ) x̃ᵢx̃ᵢᵀ + (λ/Ω) diag(1, …, 1, 0), x̃ = (x, 1), and analyses its spectrum.</summary>
internal static class Conditioning
{
    private const int BlockRows = 2048;

    /// <summary>θ* = (w, b) from ML.NET's L-BFGS at tolerance 1e-10, the reference the end-to-end run uses for F*.</summary>
    public static double[] Optimum(MLContext ml, BenchData train, float l2)
    {
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = l2,
            OptimizationTolerance = 1e-10f,
            MaximumNumberOfIterations = 100_000,
        }).Fit(train.ToDataView(ml));
        return TimeToOptimum.Parameters(model, train.Columns + 1);
    }

    public static ConditioningResult Analyze(string name, BenchData train, float l2, double[] theta)
    {
        var clock = Stopwatch.StartNew();
        Matrix<double> h = Hessian(train, l2, theta);
        double[] eigen = Eigenvalues(h);

        // Jacobi-scaled spectrum, and the start θ = 0's error along each eigenvector: e = D^{1/2}(0 − θ*), cᵢ = vᵢᵀe.
        Matrix<double> m = JacobiScaled(h);
        var evd = m.Evd(Symmetricity.Symmetric);
        Vector<double> error = Vector<double>.Build.Dense(theta.Length, j => -Math.Sqrt(h[j, j]) * theta[j]);
        Vector<double> c = evd.EigenVectors.TransposeThisAndMultiply(error);
        int[] order = Enumerable.Range(0, theta.Length).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        double[] jacobi = order.Select(i => evd.EigenValues[i].Real).ToArray();
        double[] gap = order.Select(i => 0.5 * evd.EigenValues[i].Real * c[i] * c[i]).ToArray();

        // How close θ* is: ‖∇F(θ*)‖ and the Newton decrement ½ gᵀH⁻¹g ≈ F(θ*) − min F.
        var objective = new LogisticObjective(train.ToDataset(), LossKind.LogLoss, l2);
        var gradient = new double[theta.Length];
        double optimum = objective.Evaluate(objective.AllRows, theta, gradient);
        Vector<double> g = Vector<double>.Build.DenseOfArray(gradient);
        double decrement = 0.5 * g.DotProduct(h.Cholesky().Solve(g));
        return new ConditioningResult(name, train.Rows, theta.Length, eigen[0], eigen[^1], jacobi, gap, optimum,
            g.L2Norm(), decrement, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The Hessian of the core's F/Ω with log-loss at θ (weights then bias), every row of weight 1.</summary>
    public static Matrix<double> Hessian(BenchData train, float l2, ReadOnlySpan<double> theta)
    {
        int d = train.Columns, p = d + 1, n = train.Rows;
        if (theta.Length != p)
        {
            throw new ArgumentOutOfRangeException(nameof(theta), $"Must hold {p} values (weights then bias).");
        }

        // H = Σ over row blocks of AᵀA, A's rows being √(pᵢ(1−pᵢ)/Ω)·x̃ᵢ; A is column-major as MathNet stores it.
        Matrix<double> h = Matrix<double>.Build.Dense(p, p);
        Matrix<double> product = Matrix<double>.Build.Dense(p, p);
        double[] row = new double[d];
        for (int start = 0; start < n; start += BlockRows)
        {
            int count = Math.Min(BlockRows, n - start);
            var block = new double[count * p];
            for (int r = 0; r < count; r++)
            {
                Densify(train, start + r, row);
                double a = theta[d];
                for (int j = 0; j < d; j++)
                {
                    a += theta[j] * row[j];
                }

                double s = Math.Sqrt(Sigmoid(a) * Sigmoid(-a) / n);
                for (int j = 0; j < d; j++)
                {
                    block[j * count + r] = s * row[j];
                }

                block[d * count + r] = s;
            }

            Matrix<double> blockMatrix = Matrix<double>.Build.Dense(count, p, block);
            blockMatrix.TransposeThisAndMultiply(blockMatrix, product);
            h.Add(product, h);
        }

        for (int j = 0; j < d; j++)
        {
            h[j, j] += l2 / (double)n;
        }

        return h;
    }

    /// <summary>D^{-1/2} H D^{-1/2} with D = diag(H).</summary>
    public static Matrix<double> JacobiScaled(Matrix<double> h)
    {
        var scale = new double[h.RowCount];
        for (int j = 0; j < scale.Length; j++)
        {
            scale[j] = 1 / Math.Sqrt(h[j, j]);
        }

        return Matrix<double>.Build.Dense(h.RowCount, h.ColumnCount, (i, j) => h[i, j] * scale[i] * scale[j]);
    }

    /// <summary>Eigenvalues of a symmetric matrix, ascending.</summary>
    public static double[] Eigenvalues(Matrix<double> symmetric)
    {
        double[] values = symmetric.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).ToArray();
        Array.Sort(values);
        return values;
    }

    private static void Densify(BenchData data, int i, double[] row)
    {
        if (!data.IsSparse)
        {
            ReadOnlySpan<float> values = data.Values.AsSpan(i * data.Columns, data.Columns);
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = values[j];
            }

            return;
        }

        Array.Clear(row);
        for (int k = data.RowStarts![i]; k < data.RowStarts[i + 1]; k++)
        {
            row[data.Indices![k]] = data.Values[k];
        }
    }

    private static double Sigmoid(double a) => a >= 0 ? 1 / (1 + Math.Exp(-a)) : Math.Exp(a) / (1 + Math.Exp(a));
}
