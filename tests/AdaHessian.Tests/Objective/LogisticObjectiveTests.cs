using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;
using CsCheck;

namespace AdaHessian.Tests.Objective;

// Not alongside other test classes: their chunk runners' work items can make the thread pool grow its queue, which
// allocates on the thread that queues — the one the allocation tests measure.
[Collection(ChunkRunnerTests.Collection)]
public class LogisticObjectiveTests
{
    private const double Lambda = 0.7;

    public static TheoryData<LossKind, bool> LossesAndStorage => new()
    {
        { LossKind.LogLoss, false },
        { LossKind.LogLoss, true },
        { LossKind.SquaredError, false },
        { LossKind.SquaredError, true },
    };

    // 11 features: the dense kernels run one 8-wide SIMD block and a 3-element tail.
    private static (TestProblem Problem, LogisticObjective Objective, int[] Batch, double[] Theta) Setup(
        LossKind loss, bool sparse, int seed = 1)
    {
        TestProblem problem = TestData.Random(rows: 40, columns: 11, seed: seed);
        var objective = new LogisticObjective(problem.Dataset(sparse), loss, Lambda);
        int[] batch = TestData.Subset(problem.Rows, 23, seed + 100);
        double[] theta = TestData.Vector(objective.ParameterCount, seed + 200, -0.8, 0.8);
        return (problem, objective, batch, theta);
    }

    private static double[] Gradient(LogisticObjective objective, ReadOnlyMemory<int> rows, double[] theta)
    {
        var g = new double[objective.ParameterCount];
        objective.Evaluate(rows, theta, g);
        return g;
    }

    [Theory]
    [MemberData(nameof(LossesAndStorage))]
    public void Value_matches_the_formula_on_a_weighted_mini_batch(LossKind loss, bool sparse)
    {
        (TestProblem problem, LogisticObjective objective, int[] batch, double[] theta) = Setup(loss, sparse);

        double value = objective.Value(batch, theta);

        Approx.Equal(Reference.Value(problem, loss, Lambda, batch, theta), value, 1e-13, "F_B");
    }

    [Theory]
    [MemberData(nameof(LossesAndStorage))]
    public void Gradient_matches_central_differences_of_the_value(LossKind loss, bool sparse)
    {
        (_, LogisticObjective objective, int[] batch, double[] theta) = Setup(loss, sparse);
        var gradient = new double[objective.ParameterCount];

        double value = objective.Evaluate(batch, theta, gradient);

        double[] numeric = FiniteDifference.Gradient(t => objective.Value(batch, t), theta);
        Approx.Equal(numeric, gradient, 1e-8, "gradient");
        Assert.Equal(objective.Value(batch, theta), value, 15);
    }

    [Theory]
    [MemberData(nameof(LossesAndStorage))]
    public void Hessian_vector_product_matches_central_differences_of_the_gradient(LossKind loss, bool sparse)
    {
        (_, LogisticObjective objective, int[] batch, double[] theta) = Setup(loss, sparse);
        int p = objective.ParameterCount;
        // An arbitrary real probe, not ±1: the fused pass must not assume Rademacher entries.
        double[] probe = TestData.Vector(p, 7, -2.5, 2.5);
        var gradient = new double[p];
        var products = new double[p];

        double value = objective.EvaluateWithHessianProducts(batch, theta, gradient, probe, products);

        double[] numeric = FiniteDifference.Directional(t => Gradient(objective, batch, t), theta, probe);
        Approx.Equal(numeric, products, 1e-7, "Hv");
        Approx.Equal(FiniteDifference.Gradient(t => objective.Value(batch, t), theta), gradient, 1e-8, "gradient");
        Approx.Equal(objective.Value(batch, theta), value, 1e-14, "value");
    }

    [Theory]
    [MemberData(nameof(LossesAndStorage))]
    public void Several_probes_each_give_their_own_Hessian_vector_product(LossKind loss, bool sparse)
    {
        (_, LogisticObjective objective, int[] batch, double[] theta) = Setup(loss, sparse, seed: 2);
        int p = objective.ParameterCount;
        const int n = 3;
        double[] probes = TestData.Vector(n * p, 8, -2, 2);
        var gradient = new double[p];
        var products = new double[n * p];

        objective.EvaluateWithHessianProducts(batch, theta, gradient, probes, products);

        for (int s = 0; s < n; s++)
        {
            double[] z = probes.AsSpan(s * p, p).ToArray();
            double[] numeric = FiniteDifference.Directional(t => Gradient(objective, batch, t), theta, z);
            Approx.Equal(numeric, products.AsSpan(s * p, p), 1e-7, $"H z_{s}");
        }

        Approx.Equal(Gradient(objective, batch, theta), gradient, 1e-14, "gradient");
    }

    [Theory]
    [MemberData(nameof(LossesAndStorage))]
    public void Exact_diagonal_matches_central_differences_of_the_gradient(LossKind loss, bool sparse)
    {
        (_, LogisticObjective objective, int[] batch, double[] theta) = Setup(loss, sparse, seed: 3);
        int p = objective.ParameterCount;
        var gradient = new double[p];
        var diagonal = new double[p];

        objective.EvaluateWithExactDiagonal(batch, theta, gradient, diagonal);

        for (int j = 0; j < p; j++)
        {
            var unit = new double[p];
            unit[j] = 1;
            double numeric = FiniteDifference.Directional(t => Gradient(objective, batch, t), theta, unit)[j];
            Approx.Equal(numeric, diagonal[j], 1e-7, $"H[{j},{j}]");
        }

        Approx.Equal(Gradient(objective, batch, theta), gradient, 1e-14, "gradient");
    }

    [Theory]
    [MemberData(nameof(LossesAndStorage))]
    public void Gradient_products_and_diagonal_match_the_naive_formulas(LossKind loss, bool sparse)
    {
        (TestProblem problem, LogisticObjective objective, int[] batch, double[] theta) = Setup(loss, sparse, seed: 4);
        int p = objective.ParameterCount;
        double[] probe = TestData.Vector(p, 9, -3, 3);
        var gradient = new double[p];
        var products = new double[p];
        var diagonal = new double[p];
        objective.EvaluateWithHessianProducts(batch, theta, gradient, probe, products);
        objective.EvaluateWithExactDiagonal(batch, theta, new double[p], diagonal);

        double[,] h = Reference.Hessian(problem, loss, Lambda, batch, theta);
        var hv = new double[p];
        var diag = new double[p];
        for (int j = 0; j < p; j++)
        {
            diag[j] = h[j, j];
            for (int k = 0; k < p; k++)
            {
                hv[j] += h[j, k] * probe[k];
            }
        }

        Approx.Relative(Reference.Gradient(problem, loss, Lambda, batch, theta), gradient, 1e-12, "gradient");
        Approx.Relative(hv, products, 1e-12, "Hv");
        Approx.Relative(diag, diagonal, 1e-12, "diag");
    }

    [Fact]
    public void Tiny_weighted_problem_matches_values_worked_out_by_hand()
    {
        // One feature, rows x = (1, 2), y = (1, 0), ω = (1, 3), λ = 2, so Ω = 4. Batch = {row 1} only: Ω_B = 3.
        var data = new LogisticDataset(FeatureMatrix.Dense(2, 1, [1f, 2f]), [1f, 0f], [1f, 3f]);
        var objective = new LogisticObjective(data, LossKind.LogLoss, l2Regularization: 2);
        double[] theta = [1.0, 0.0]; // w = 1, b = 0 → a = 2 on row 1
        var gradient = new double[2];
        var diagonal = new double[2];

        double value = objective.EvaluateWithExactDiagonal(new[] { 1 }, theta, gradient, diagonal);

        double s = 1 / (1 + Math.Exp(-2.0));
        // F_B = (1/3)·3·softplus(2) + (2 / (2·4))·1²
        Assert.Equal(Math.Log(1 + Math.Exp(2.0)) + 0.25, value, 14);
        // g_w = (1/3)·3·(σ(2) − 0)·2 + (2/4)·1;  g_b = σ(2)
        Assert.Equal(2 * s + 0.5, gradient[0], 14);
        Assert.Equal(s, gradient[1], 14);
        // diag_w = σ(1−σ)·2² + 2/4;  diag_b = σ(1−σ)
        Assert.Equal(4 * s * (1 - s) + 0.5, diagonal[0], 14);
        Assert.Equal(s * (1 - s), diagonal[1], 14);
    }

    [Theory]
    [InlineData(LossKind.LogLoss)]
    [InlineData(LossKind.SquaredError)]
    public void Dense_and_sparse_storage_of_the_same_data_agree(LossKind loss)
    {
        // 37 features: four SIMD blocks and a tail in the dense kernels, plain sequential sums in the sparse ones.
        TestProblem problem = TestData.Random(rows: 60, columns: 37, seed: 11, zeroFraction: 0.5);
        var dense = new LogisticObjective(problem.Dataset(sparse: false), loss, Lambda);
        var sparse = new LogisticObjective(problem.Dataset(sparse: true), loss, Lambda);
        Assert.True(sparse.Data.Features.IsSparse);
        Assert.True(sparse.Data.Features.StoredValueCount < problem.Rows * problem.Columns);
        int p = dense.ParameterCount;
        int[] batch = TestData.Subset(problem.Rows, 45, 12);
        double[] theta = TestData.Vector(p, 13, -0.5, 0.5);
        double[] probes = TestData.Vector(2 * p, 14, -1, 1);

        foreach (ReadOnlyMemory<int> rows in new[] { (ReadOnlyMemory<int>)batch, dense.AllRows })
        {
            Approx.Relative([dense.Value(rows, theta)], [sparse.Value(rows, theta)], 1e-12, "value");

            var gd = new double[p];
            var gs = new double[p];
            var hd = new double[p];
            var hs = new double[p];
            dense.EvaluateWithHessianProducts(rows, theta, gd, probes.AsSpan(0, p), hd);
            sparse.EvaluateWithHessianProducts(rows, theta, gs, probes.AsSpan(0, p), hs);
            Approx.Relative(gd, gs, 1e-12, "gradient");
            Approx.Relative(hd, hs, 1e-12, "Hz");

            var hd2 = new double[2 * p];
            var hs2 = new double[2 * p];
            dense.EvaluateWithHessianProducts(rows, theta, gd, probes, hd2);
            sparse.EvaluateWithHessianProducts(rows, theta, gs, probes, hs2);
            Approx.Relative(hd2, hs2, 1e-12, "H[z1 z2]");

            var dd = new double[p];
            var ds = new double[p];
            dense.EvaluateWithExactDiagonal(rows, theta, gd, dd);
            sparse.EvaluateWithExactDiagonal(rows, theta, gs, ds);
            Approx.Relative(dd, ds, 1e-12, "diag");
        }
    }

    [Fact]
    public void Reusing_an_instance_with_different_probe_counts_gives_the_same_as_a_fresh_one()
    {
        TestProblem problem = TestData.Random(4500, 6, seed: 31, weighted: false);
        LogisticDataset data = problem.Dataset(false);
        var reused = new LogisticObjective(data, LossKind.LogLoss, 0.1, numberOfThreads: 2);
        var fresh = new LogisticObjective(data, LossKind.LogLoss, 0.1, numberOfThreads: 2);
        int p = reused.ParameterCount;
        double[] theta = TestData.Vector(p, 32);
        double[] probes4 = TestData.Vector(4 * p, 33);
        double[] probes2 = TestData.Vector(2 * p, 34);
        var g = new double[p];

        reused.EvaluateWithHessianProducts(reused.AllRows, theta, g, probes4, new double[4 * p]);
        var afterLarger = new double[2 * p];
        reused.EvaluateWithHessianProducts(reused.AllRows, theta, g, probes2, afterLarger);
        var expected = new double[2 * p];
        fresh.EvaluateWithHessianProducts(fresh.AllRows, theta, g, probes2, expected);

        Approx.Bitwise(expected, afterLarger, "H z after a larger N");
    }

    [Fact]
    public void LogLoss_at_huge_activations_is_finite_and_equals_the_closed_forms()
    {
        // a = 1000·w + b. Naively log(1 + e^a) overflows to ∞ at a = 1000; the stable form gives the asymptotes:
        // a → +∞: ℓ = (1 − y)·a, ℓ′ = 1 − y;  a → −∞: ℓ = −y·a, ℓ′ = −y;  ℓ″ = 0 (to within e^{−|a|} ≈ 0).
        const float y = 0.25f;
        var data = new LogisticDataset(FeatureMatrix.Dense(1, 1, [1000f]), [y]);
        var objective = new LogisticObjective(data, LossKind.LogLoss);
        var gradient = new double[2];
        var diagonal = new double[2];

        foreach (double w in new[] { 1.0, -1.0, 700.0, -700.0 })
        {
            double a = 1000 * w + 0.5;
            double value = objective.EvaluateWithExactDiagonal(objective.AllRows, [w, 0.5], gradient, diagonal);
            double expected = a > 0 ? (1 - y) * a : -y * a;
            double slope = a > 0 ? 1 - y : -y;
            Assert.True(double.IsFinite(value));
            Approx.Relative([expected], [value], 1e-15, $"ℓ at a = {a}");
            Approx.Relative([slope * 1000, slope], gradient, 1e-15, $"gradient at a = {a}");
            Assert.Equal(0.0, diagonal[0]);
            Assert.Equal(0.0, diagonal[1]);
        }
    }

    [Fact]
    public void Zero_weight_rows_do_not_count_towards_the_batch_weight()
    {
        // Row 1 has weight 0: the batch {0, 1} must give exactly the same as the batch {0}.
        var data = new LogisticDataset(FeatureMatrix.Dense(2, 2, [1f, -2f, 5f, 3f]), [1f, 0f], [2f, 0f]);
        var objective = new LogisticObjective(data, LossKind.SquaredError, 0.3);
        double[] theta = [0.4, -0.2, 0.1];
        var g1 = new double[3];
        var g2 = new double[3];

        double v1 = objective.Evaluate(new[] { 0, 1 }, theta, g1);
        double v2 = objective.Evaluate(new[] { 0 }, theta, g2);

        Assert.Equal(v2, v1);
        Assert.Equal(g2, g1);
    }

    [Fact]
    public void Wrong_lengths_are_rejected_with_the_argument_named()
    {
        var data = new LogisticDataset(FeatureMatrix.Dense(2, 2, [1f, 2f, 3f, 4f]), [0f, 1f]);
        var objective = new LogisticObjective(data, LossKind.LogLoss);
        var ok = new double[3];

        Assert.Equal("theta", Assert.Throws<ArgumentOutOfRangeException>(() => objective.Value(objective.AllRows, new double[2])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentOutOfRangeException>(() => objective.Evaluate(objective.AllRows, ok, new double[4])).ParamName);
        Assert.Equal("probes", Assert.Throws<ArgumentOutOfRangeException>(
            () => objective.EvaluateWithHessianProducts(objective.AllRows, ok, new double[3], new double[4], new double[4])).ParamName);
        Assert.Equal("probes", Assert.Throws<ArgumentOutOfRangeException>(
            () => objective.EvaluateWithHessianProducts(objective.AllRows, ok, new double[3], [], [])).ParamName);
        Assert.Equal("products", Assert.Throws<ArgumentOutOfRangeException>(
            () => objective.EvaluateWithHessianProducts(objective.AllRows, ok, new double[3], new double[6], new double[3])).ParamName);
        Assert.Equal("diagonal", Assert.Throws<ArgumentOutOfRangeException>(
            () => objective.EvaluateWithExactDiagonal(objective.AllRows, ok, new double[3], new double[2])).ParamName);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_non_finite_L2_is_rejected(double lambda)
    {
        var data = new LogisticDataset(FeatureMatrix.Dense(1, 1, [1f]), [1f]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticObjective(data, LossKind.LogLoss, lambda));
        Assert.Equal("l2Regularization", e.ParamName);
    }

    [Fact]
    public void Zero_threads_and_unknown_losses_are_rejected()
    {
        var data = new LogisticDataset(FeatureMatrix.Dense(1, 1, [1f]), [1f]);
        Assert.Equal("numberOfThreads", Assert.Throws<ArgumentOutOfRangeException>(
            () => new LogisticObjective(data, LossKind.LogLoss, 0, numberOfThreads: 0)).ParamName);
        Assert.Equal("loss", Assert.Throws<ArgumentOutOfRangeException>(
            () => new LogisticObjective(data, (LossKind)7)).ParamName);
        _ = new LogisticObjective(data, LossKind.LogLoss, 0); // λ = 0 is allowed
    }

    // Property version: random small problems (either loss, dense or sparse, weighted or not, any λ ≥ 0, a random
    // mini-batch, N ∈ {1, 2, 3} probes) satisfy the finite-difference identities.
    private sealed record Case(int Rows, int Columns, float[] X, float[] Y, float[]? W, bool Sparse, LossKind Loss,
        double Lambda, int[] Batch, double[] Theta, double[] Probes)
    {
        public override string ToString() =>
            $"n={Rows} d={Columns} sparse={Sparse} {Loss} λ={Lambda} batch=[{string.Join(",", Batch)}] θ=[{string.Join(",", Theta)}]";
    }

    private static readonly Gen<Case> Cases =
        from rows in Gen.Int[1, 12]
        from columns in Gen.Int[1, 12]
        from x in Gen.Float[-2f, 2f].Select(v => MathF.Abs(v) < 0.6f ? 0f : v).Array[rows * columns]
        from y in Gen.Float[0f, 1f].Array[rows]
        from weighted in Gen.Bool
        from w in Gen.Float[0.1f, 3f].Array[rows]
        from sparse in Gen.Bool
        from loss in Gen.Enum<LossKind>()
        from lambda in Gen.Double[0, 2]
        from batchSize in Gen.Int[1, rows]
        from order in Gen.Int.Array[rows]
        from theta in Gen.Double[-1.5, 1.5].Array[columns + 1]
        from n in Gen.Int[1, 3]
        from probes in Gen.Double[-2, 2].Array[n * (columns + 1)]
        select new Case(rows, columns, x, y, weighted ? w : null, sparse, loss, lambda,
            Enumerable.Range(0, rows).OrderBy(i => order[i]).ThenBy(i => i).Take(batchSize).ToArray(), theta, probes);

    [Fact]
    public void Property_fused_pass_matches_finite_differences_on_random_problems()
    {
        Cases.Sample(c =>
        {
            var problem = new TestProblem { Rows = c.Rows, Columns = c.Columns, Features = c.X, Labels = c.Y, Weights = c.W };
            var objective = new LogisticObjective(problem.Dataset(c.Sparse), c.Loss, c.Lambda, numberOfThreads: 1);
            int p = objective.ParameterCount;
            int n = c.Probes.Length / p;
            var gradient = new double[p];
            var products = new double[n * p];
            var diagonal = new double[p];

            double value = objective.EvaluateWithHessianProducts(c.Batch, c.Theta, gradient, c.Probes, products);
            objective.EvaluateWithExactDiagonal(c.Batch, c.Theta, new double[p], diagonal);

            Approx.Equal(Reference.Value(problem, c.Loss, c.Lambda, c.Batch, c.Theta), value, 1e-12, "value");
            Approx.Equal(FiniteDifference.Gradient(t => objective.Value(c.Batch, t), c.Theta), gradient, 1e-7, "gradient");
            for (int s = 0; s < n; s++)
            {
                double[] z = c.Probes.AsSpan(s * p, p).ToArray();
                Approx.Equal(FiniteDifference.Directional(t => Gradient(objective, c.Batch, t), c.Theta, z),
                    products.AsSpan(s * p, p), 1e-6, $"H z_{s}");
            }

            for (int j = 0; j < p; j++)
            {
                var unit = new double[p];
                unit[j] = 1;
                Approx.Equal(FiniteDifference.Directional(t => Gradient(objective, c.Batch, t), c.Theta, unit)[j],
                    diagonal[j], 1e-6, $"diag[{j}]");
            }
        }, iter: 300);
    }
}
