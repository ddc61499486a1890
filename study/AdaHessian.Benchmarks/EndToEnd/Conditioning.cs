using System.Diagnostics;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Benchmarks.EndToEnd;

/// <summary>Forms H = (1/Ω) Σ ωᵢ pᵢ(1−pᵢ) x̃ᵢx̃ᵢᵀ + (λ/Ω) diag(1, …, 1, 0), x̃ = (x, 1), and analyses its spectrum.</summary>
internal static class Conditioning
{
    private const int BlockRows = 2048;

    /// <summary>θ* = (w, b) from ML.NET's L-BFGS at tolerance 1e-10, the reference the end-to-end run uses for F*.</summary>
    public static double[] Optimum(MLContext ml, LabelledMatrix train, float l2)
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

    public static ConditioningResult Analyze(string name, LabelledMatrix train, float l2, double[] theta)
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
    public static Matrix<double> Hessian(LabelledMatrix train, float l2, ReadOnlySpan<double> theta)
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

    private static void Densify(LabelledMatrix data, int i, double[] row)
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
