using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Curvature;

public class CurvatureEstimatorTests
{
    // ---- Exact diagonal -------------------------------------------------------------------------------------------

    [Fact]
    public void Exact_kind_gives_the_absolute_diagonal_averaged_over_blocks()
    {
        // Squared error at a point where several ℓ″ are negative, so diag H has negative entries and |·| matters.
        TestProblem problem = TestData.Random(rows: 30, columns: 5, seed: 41, scale: 3);
        var objective = new LogisticObjective(problem.Dataset(sparse: false), LossKind.SquaredError, 0.01);
        int p = objective.ParameterCount;
        double[] theta = TestData.Vector(p, 42, -2, 2);
        int[] batch = TestData.Subset(problem.Rows, 20, 43);
        double[,] h = Reference.Hessian(problem, LossKind.SquaredError, 0.01, batch, theta);
        double[] abs = Enumerable.Range(0, p).Select(j => Math.Abs(h[j, j])).ToArray();
        Assert.Contains(Enumerable.Range(0, p), j => h[j, j] < 0); // precondition: the test exercises |·|

        var estimator = new CurvatureEstimator(new CurvatureOptions(CurvatureKind.ExactDiagonal, SpatialAverageBlockSize: 2), p, seed: 0);
        var gradient = new double[p];
        double value = estimator.EvaluateAndRefresh(objective, batch, theta, gradient);

        // Blocks of 2 over 5 weights: {0,1}, {2,3}, {4}; the bias alone.
        double[] expected =
        [
            (abs[0] + abs[1]) / 2, (abs[0] + abs[1]) / 2, (abs[2] + abs[3]) / 2, (abs[2] + abs[3]) / 2, abs[4], abs[5],
        ];
        Approx.Relative(expected, estimator.Diagonal, 1e-12, "D");
        Approx.Relative(Reference.Gradient(problem, LossKind.SquaredError, 0.01, batch, theta), gradient, 1e-12, "gradient");
        Approx.Equal(Reference.Value(problem, LossKind.SquaredError, 0.01, batch, theta), value, 1e-13, "value");
        Assert.Equal(1, estimator.RefreshCount);
    }

    [Fact]
    public void Diagonal_is_zero_before_the_first_refresh_and_each_refresh_is_counted()
    {
        TestProblem problem = TestData.Random(10, 3, seed: 44);
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss);
        var estimator = new CurvatureEstimator(new CurvatureOptions(), objective.ParameterCount, seed: 5);

        Assert.Equal(new double[4], estimator.Diagonal.ToArray());
        Assert.Equal(0, estimator.RefreshCount);
        for (int r = 1; r <= 3; r++)
        {
            estimator.EvaluateAndRefresh(objective, objective.AllRows, new double[4], new double[4]);
            Assert.Equal(r, estimator.RefreshCount);
        }

        Assert.Contains(estimator.Diagonal.ToArray(), d => d > 0);
    }

    [Fact]
    public void Mismatched_sizes_are_rejected()
    {
        TestProblem problem = TestData.Random(10, 3, seed: 45);
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss);
        var estimator = new CurvatureEstimator(new CurvatureOptions(), 5, seed: 0);

        Assert.Equal("objective", Assert.Throws<ArgumentOutOfRangeException>(
            () => estimator.EvaluateAndRefresh(objective, objective.AllRows, new double[4], new double[4])).ParamName);
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(
            () => new CurvatureEstimator(new CurvatureOptions(), 0, 0)).ParamName);
    }

    // ---- Hutchinson arithmetic ------------------------------------------------------------------------------------

    [Fact]
    public void Hutchinson_diagonal_is_the_mean_of_probe_times_product()
    {
        // z₁ = (1, −1, 1), Hz₁ = (2, 4, −6); z₂ = (−1, −1, 1), Hz₂ = (3, −2, 8).
        // ê = ((2 − 3)/2, (−4 + 2)/2, (−6 + 8)/2) = (−0.5, −1, 1).
        double[] probes = [1, -1, 1, -1, -1, 1];
        double[] products = [2, 4, -6, 3, -2, 8];
        var estimate = new double[3];

        CurvatureEstimator.HutchinsonDiagonal(probes, products, 2, estimate);

        Assert.Equal([-0.5, -1, 1], estimate);
        Assert.Equal("probes", Assert.Throws<ArgumentOutOfRangeException>(
            () => CurvatureEstimator.HutchinsonDiagonal(probes, products, 3, new double[3])).ParamName);
    }

    // ---- Hutchinson statistics ------------------------------------------------------------------------------------

    // A problem whose Hessian is strictly diagonally dominant: then every single estimate
    // êⱼ = Hⱼⱼ + zⱼ Σ_{k≠j} Hⱼₖ zₖ is positive, so D = |ê| = ê and the mean of D is unbiased for diag H.
    private static (LogisticObjective Objective, double[] Theta, double[,] H) DominantProblem()
    {
        TestProblem problem = TestData.Random(rows: 30, columns: 4, seed: 51, zeroFraction: 0, weighted: true, scale: 1);
        const double lambda = 2.0;
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss, lambda);
        double[] theta = TestData.Vector(5, 52, -0.5, 0.5);
        double[,] h = Reference.Hessian(problem, LossKind.LogLoss, lambda, Enumerable.Range(0, 30).ToArray(), theta);
        for (int j = 0; j < 5; j++)
        {
            double off = Enumerable.Range(0, 5).Where(k => k != j).Sum(k => Math.Abs(h[j, k]));
            Assert.True(h[j, j] > off, $"precondition: row {j} dominant ({h[j, j]} vs {off})");
        }

        return (objective, theta, h);
    }

    // Var(êⱼ) for one Rademacher probe: the terms zⱼzₖ (k ≠ j) are pairwise uncorrelated ±1, so Σ_{k≠j} Hⱼₖ².
    private static double ProbeVariance(double[,] h, int j) =>
        Enumerable.Range(0, h.GetLength(0)).Where(k => k != j).Sum(k => h[j, k] * h[j, k]);

    private static double[][] Draws(LogisticObjective objective, double[] theta, int samples, int count, Func<int, int>? seedOf = null)
    {
        int p = objective.ParameterCount;
        var draws = new double[count][];
        var estimator = new CurvatureEstimator(new CurvatureOptions(HutchinsonSamples: samples), p, seed: 1234);
        for (int r = 0; r < count; r++)
        {
            CurvatureEstimator e = seedOf is null ? estimator : new CurvatureEstimator(new CurvatureOptions(HutchinsonSamples: samples), p, seedOf(r));
            e.EvaluateAndRefresh(objective, objective.AllRows, theta, new double[p]);
            draws[r] = e.Diagonal.ToArray();
        }

        return draws;
    }

    private static (double Mean, double Variance) Moments(double[][] draws, int j)
    {
        double mean = draws.Average(d => d[j]);
        double variance = draws.Sum(d => (d[j] - mean) * (d[j] - mean)) / (draws.Length - 1);
        return (mean, variance);
    }

    [Fact]
    public void Mean_of_repeated_Hutchinson_refreshes_converges_to_the_exact_diagonal()
    {
        (LogisticObjective objective, double[] theta, double[,] h) = DominantProblem();
        const int m = 4000;
        double[][] draws = Draws(objective, theta, samples: 1, m);

        for (int j = 0; j < 5; j++)
        {
            double sigma = Math.Sqrt(ProbeVariance(h, j));
            Assert.True(sigma > 0.02 * h[j, j], "precondition: the estimate is genuinely noisy");
            (double mean, double variance) = Moments(draws, j);
            // The mean of m draws has standard deviation σⱼ/√m; allow 5 of them.
            Assert.True(Math.Abs(mean - h[j, j]) <= 5 * sigma / Math.Sqrt(m),
                $"entry {j}: mean {mean} vs diag {h[j, j]} (σ/√m = {sigma / Math.Sqrt(m)})");
            // The sample variance of m draws has relative s.d. ≤ √(2/m) ≈ 0.022 (kurtosis ≤ 3 for a weighted
            // Rademacher sum); allow 5 of them.
            Assert.True(Math.Abs(variance / (sigma * sigma) - 1) <= 5 * Math.Sqrt(2.0 / m),
                $"entry {j}: variance {variance} vs Σ_k≠j H_jk² = {sigma * sigma}");
        }
    }

    [Fact]
    public void Mean_over_differently_seeded_estimators_converges_to_the_exact_diagonal()
    {
        (LogisticObjective objective, double[] theta, double[,] h) = DominantProblem();
        const int m = 1500;
        double[][] draws = Draws(objective, theta, samples: 1, m, seedOf: r => 977 * r + 3);

        for (int j = 0; j < 5; j++)
        {
            double sigma = Math.Sqrt(ProbeVariance(h, j));
            (double mean, _) = Moments(draws, j);
            Assert.True(Math.Abs(mean - h[j, j]) <= 5 * sigma / Math.Sqrt(m), $"entry {j}: mean {mean} vs diag {h[j, j]}");
        }
    }

    [Fact]
    public void N_samples_divide_the_variance_by_N()
    {
        (LogisticObjective objective, double[] theta, double[,] h) = DominantProblem();
        const int m = 4000;
        double[][] one = Draws(objective, theta, samples: 1, m);
        double[][] four = Draws(objective, theta, samples: 4, m);

        for (int j = 0; j < 5; j++)
        {
            double v1 = Moments(one, j).Variance;
            double v4 = Moments(four, j).Variance;
            double expected4 = ProbeVariance(h, j) / 4;
            // Each sample variance is within 5·√(2/m) relative of its expectation, so the ratio v1/v4 is within
            // about 5·√(4/m) ≈ 0.16 relative of 4.
            Assert.True(Math.Abs(v4 / expected4 - 1) <= 5 * Math.Sqrt(2.0 / m), $"entry {j}: var(N=4) {v4} vs {expected4}");
            Assert.InRange(v1 / v4, 4 * (1 - 5 * Math.Sqrt(4.0 / m)), 4 * (1 + 5 * Math.Sqrt(4.0 / m)));
            // And the N = 4 mean is still unbiased.
            Assert.True(Math.Abs(Moments(four, j).Mean - h[j, j]) <= 5 * Math.Sqrt(expected4 / m));
        }
    }

    // A problem in which each probe can be read back from D. Rows i = 0…d−1 are the one-hot vectors eᵢ, θ = 0, so
    // every ℓ″ = ¼ and H = (¼/d)·[I 1; 1ᵀ d]. Then êⱼ = (¼/d)(1 + zⱼ z_b): Dⱼ = ½/d when zⱼ = z_b and 0 otherwise,
    // and the bias entry is ¼(1 + mean of zⱼz_b).
    private const int OneHotWeights = 63; // 64 parameters: eight whole bytes of random bits

    private static LogisticObjective OneHotProblem()
    {
        int d = OneHotWeights;
        int[] starts = Enumerable.Range(0, d + 1).ToArray();
        int[] columns = Enumerable.Range(0, d).ToArray();
        float[] values = Enumerable.Repeat(1f, d).ToArray();
        var data = new LogisticDataset(FeatureMatrix.Sparse(d, d, starts, columns, values), new float[d]);
        return new LogisticObjective(data, LossKind.LogLoss);
    }

    private static int[][] RecoveredSignProducts(CurvatureEstimator estimator, LogisticObjective objective, int refreshes)
    {
        int p = objective.ParameterCount;
        double c = 0.25 / OneHotWeights;
        var result = new int[refreshes][];
        for (int r = 0; r < refreshes; r++)
        {
            estimator.EvaluateAndRefresh(objective, objective.AllRows, new double[p], new double[p]);
            ReadOnlySpan<double> d = estimator.Diagonal;
            var s = new int[OneHotWeights];
            for (int j = 0; j < s.Length; j++)
            {
                Assert.True(d[j] == 0 || Math.Abs(d[j] - 2 * c) < 1e-15, $"D[{j}] = {d[j]} is neither 0 nor ½/d");
                s[j] = d[j] == 0 ? -1 : 1;
            }

            result[r] = s;
            Assert.Equal(0.25 * (1 + s.Average()), d[OneHotWeights], 14);
        }

        return result;
    }

    [Fact]
    public void Rademacher_signs_agree_and_disagree_with_frequency_one_half()
    {
        LogisticObjective objective = OneHotProblem();
        var estimator = new CurvatureEstimator(new CurvatureOptions(), objective.ParameterCount, seed: 99);
        const int refreshes = 200;
        int[][] s = RecoveredSignProducts(estimator, objective, refreshes);

        // n = 200·63 products zⱼz_b, independent fair ±1 if z is Rademacher: count(+1) ~ Binomial(n, ½), s.d. √n/2.
        int n = refreshes * OneHotWeights;
        int plus = s.Sum(row => row.Count(v => v == 1));
        Assert.True(Math.Abs(plus - n / 2.0) <= 5 * Math.Sqrt(n) / 2, $"{plus} of {n} agreements");

        // Each position varies across refreshes, and consecutive refreshes draw fresh probes (agreement ~ ½ again).
        for (int j = 0; j < OneHotWeights; j++)
        {
            int count = s.Count(row => row[j] == 1);
            Assert.InRange(count, 1, refreshes - 1);
        }

        int same = 0;
        for (int r = 1; r < refreshes; r++)
        {
            same += Enumerable.Range(0, OneHotWeights).Count(j => s[r][j] == s[r - 1][j]);
        }

        int pairs = (refreshes - 1) * OneHotWeights;
        Assert.True(Math.Abs(same - pairs / 2.0) <= 5 * Math.Sqrt(pairs) / 2, $"{same} of {pairs} repeats");
    }

    [Fact]
    public void Estimate_equals_the_absolute_probe_times_Hessian_product_for_the_recovered_probe()
    {
        // Read z back from D on the one-hot problem (up to a global sign, which z ⊙ Hz does not see), then evaluate
        // |z ⊙ Hz| through the objective: the estimator must give exactly that.
        LogisticObjective objective = OneHotProblem();
        int p = objective.ParameterCount;
        var estimator = new CurvatureEstimator(new CurvatureOptions(), p, seed: 7);
        var z = new double[p];
        var hz = new double[p];
        for (int r = 0; r < 5; r++)
        {
            int[] s = RecoveredSignProducts(estimator, objective, 1)[0];
            for (int j = 0; j < OneHotWeights; j++)
            {
                z[j] = s[j];
            }

            z[OneHotWeights] = 1;
            objective.EvaluateWithHessianProducts(objective.AllRows, new double[p], new double[p], z, hz);
            double[] expected = Enumerable.Range(0, p).Select(j => Math.Abs(z[j] * hz[j])).ToArray();
            Approx.Bitwise(expected, estimator.Diagonal, "D");
        }
    }

    [Fact]
    public void Same_seed_gives_identical_draws_and_different_seeds_differ()
    {
        LogisticObjective objective = OneHotProblem();
        int p = objective.ParameterCount;
        int[][] a = RecoveredSignProducts(new CurvatureEstimator(new CurvatureOptions(), p, 17), objective, 10);
        int[][] b = RecoveredSignProducts(new CurvatureEstimator(new CurvatureOptions(), p, 17), objective, 10);
        int[][] c = RecoveredSignProducts(new CurvatureEstimator(new CurvatureOptions(), p, 18), objective, 10);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Hutchinson_estimate_with_a_given_seed_is_reproducible_bit_for_bit()
    {
        (LogisticObjective objective, double[] theta, _) = DominantProblem();
        double[][] first = Draws(objective, theta, samples: 3, count: 20);
        double[][] second = Draws(objective, theta, samples: 3, count: 20);

        for (int r = 0; r < first.Length; r++)
        {
            Approx.Bitwise(first[r], second[r], $"refresh {r}");
        }
    }
}
