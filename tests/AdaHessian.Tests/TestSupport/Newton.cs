using AdaHessian.Objective;

namespace AdaHessian.Tests.TestSupport;

/// <summary>The minimiser of a strictly convex (LogLoss, λ &gt; 0) reference objective, by Newton's method.</summary>
internal static class Newton
{
    public static double[] Minimise(TestProblem problem, double lambda, int iterations = 50)
    {
        int p = problem.Columns + 1;
        int[] rows = Enumerable.Range(0, problem.Rows).ToArray();
        var theta = new double[p];
        for (int it = 0; it < iterations; it++)
        {
            double[] g = Reference.Gradient(problem, LossKind.LogLoss, lambda, rows, theta);
            double[,] h = Reference.Hessian(problem, LossKind.LogLoss, lambda, rows, theta);
            double[] step = Solve(h, g);
            for (int j = 0; j < p; j++)
            {
                theta[j] -= step[j];
            }

            if (Math.Sqrt(g.Sum(v => v * v)) < 1e-15)
            {
                break;
            }
        }

        return theta;
    }

    /// <summary>Gaussian elimination with partial pivoting.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (int k = 0; k < n; k++)
            {
                (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            }

            (x[c], x[pivot]) = (x[pivot], x[c]);
            for (int r = c + 1; r < n; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int k = c; k < n; k++)
                {
                    m[r, k] -= f * m[c, k];
                }

                x[r] -= f * x[c];
            }
        }

        for (int r = n - 1; r >= 0; r--)
        {
            for (int k = r + 1; k < n; k++)
            {
                x[r] -= m[r, k] * x[k];
            }

            x[r] /= m[r, r];
        }

        return x;
    }
}
