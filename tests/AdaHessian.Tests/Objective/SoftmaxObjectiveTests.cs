using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Objective;

// Not alongside other test classes: their chunk runners' work items can make the thread pool grow its queue, which
// allocates on the thread that queues — the one the allocation tests measure.
[Collection(ChunkRunnerTests.Collection)]
public class SoftmaxObjectiveTests
{
    private const double Lambda = 0.7;

    public static TheoryData<bool> Storage => new() { false, true };

    // 3 classes × 11 features: the dense kernels run one 8-wide SIMD block and a 3-element tail per class.
    private static (MulticlassProblem Problem, SoftmaxObjective Objective, int[] Batch, double[] Theta) Setup(
        bool sparse, int seed = 1)
    {
        MulticlassProblem problem = MulticlassProblem.Random(rows: 40, columns: 11, classCount: 3, seed: seed);
        var objective = new SoftmaxObjective(problem.Dataset(sparse), Lambda);
        int[] batch = TestData.Subset(problem.Rows, 23, seed + 100);
        double[] theta = TestData.Vector(objective.ParameterCount, seed + 200, -0.8, 0.8);
        return (problem, objective, batch, theta);
    }

    private static double[] Gradient(IObjective objective, ReadOnlyMemory<int> rows, double[] theta)
    {
        var g = new double[objective.ParameterCount];
        objective.Evaluate(rows, theta, g);
        return g;
    }

    [Fact]
    public void Layout_is_one_block_of_weights_and_bias_per_class()
    {
        MulticlassProblem problem = MulticlassProblem.Random(rows: 10, columns: 4, classCount: 5, seed: 3);
        var objective = new SoftmaxObjective(problem.Dataset(sparse: false));

        Assert.Equal(new ParameterLayout(Blocks: 5, WeightsPerBlock: 4), objective.Layout);
        Assert.Equal(25, objective.ParameterCount);
        Assert.Equal(Enumerable.Range(0, 10), objective.AllRows.ToArray());
        Assert.Equal(Math.Log(5), objective.Value(objective.AllRows, new double[25]), 14);
    }

    [Theory]
    [MemberData(nameof(Storage))]
    public void Value_matches_a_direct_log_sum_exp_per_row_on_a_weighted_mini_batch(bool sparse)
    {
        (MulticlassProblem problem, SoftmaxObjective objective, int[] batch, double[] theta) = Setup(sparse);

        double value = objective.Value(batch, theta);

        Approx.Equal(problem.Value(Lambda, batch, theta), value, 1e-13, "F_B");
        Approx.Equal(problem.Value(Lambda, objective.AllRows.ToArray(), theta), objective.Value(objective.AllRows, theta),
            1e-13, "F");
    }

    [Theory]
    [MemberData(nameof(Storage))]
    public void Gradient_matches_central_differences_of_the_value(bool sparse)
    {
        (_, SoftmaxObjective objective, int[] batch, double[] theta) = Setup(sparse);
        var gradient = new double[objective.ParameterCount];

        double value = objective.Evaluate(batch, theta, gradient);

        Approx.Equal(FiniteDifference.Gradient(t => objective.Value(batch, t), theta), gradient, 1e-8, "gradient");
        Assert.Equal(objective.Value(batch, theta), value, 15);
    }

    [Theory]
    [MemberData(nameof(Storage))]
    public void Hessian_vector_products_match_central_differences_of_the_gradient(bool sparse)
    {
        (_, SoftmaxObjective objective, int[] batch, double[] theta) = Setup(sparse, seed: 2);
        int p = objective.ParameterCount;
        // Arbitrary real probes, not ±1; N = 1 takes the fused two-vector path, N = 3 the per-probe one.
        double[] probes = TestData.Vector(3 * p, 7, -2.5, 2.5);
        foreach (int n in new[] { 1, 3 })
        {
            var gradient = new double[p];
            var products = new double[n * p];

            double value = objective.EvaluateWithHessianProducts(batch, theta, gradient, probes.AsSpan(0, n * p), products);

            for (int s = 0; s < n; s++)
            {
                double[] z = probes.AsSpan(s * p, p).ToArray();
                double[] numeric = FiniteDifference.Directional(t => Gradient(objective, batch, t), theta, z);
                Approx.Equal(numeric, products.AsSpan(s * p, p), 1e-7, $"H z_{s} (N = {n})");
            }

            Approx.Equal(Gradient(objective, batch, theta), gradient, 1e-14, "gradient");
            Approx.Equal(objective.Value(batch, theta), value, 1e-14, "value");
        }
    }

    [Theory]
    [MemberData(nameof(Storage))]
    public void Exact_diagonal_matches_second_differences_of_the_value(bool sparse)
    {
        (_, SoftmaxObjective objective, int[] batch, double[] theta) = Setup(sparse, seed: 3);
        int p = objective.ParameterCount;
        var gradient = new double[p];
        var diagonal = new double[p];

        objective.EvaluateWithExactDiagonal(batch, theta, gradient, diagonal);

        const double h = 1e-4;
        double centre = objective.Value(batch, theta);
        for (int j = 0; j < p; j++)
        {
            double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (objective.Value(batch, plus) - 2 * centre + objective.Value(batch, minus)) / (h * h);
            Approx.Equal(numeric, diagonal[j], 1e-5, $"H[{j},{j}]");
        }

        Approx.Equal(Gradient(objective, batch, theta), gradient, 1e-14, "gradient");
    }

    [Fact]
    public void Two_classes_are_the_logistic_log_loss_at_the_difference_of_the_blocks()
    {
        // p₁ = e^{a₁}/(e^{a₀} + e^{a₁}) = σ(a₁ − a₀): softmax over two classes is a logistic neuron with θ₁ − θ₀.
        MulticlassProblem problem = MulticlassProblem.Random(rows: 50, columns: 7, classCount: 2, seed: 5);
        TestProblem f = problem.Features;
        var logistic = new LogisticObjective(
            new LogisticDataset(f.DenseMatrix(), problem.Labels.Select(y => (float)y).ToArray(), f.Weights), LossKind.LogLoss);
        var softmax = new SoftmaxObjective(problem.Dataset(sparse: false));
        int b = f.Columns + 1;
        double[] theta = TestData.Vector(2 * b, 6, -1, 1);
        double[] difference = Enumerable.Range(0, b).Select(j => theta[b + j] - theta[j]).ToArray();
        int[] batch = TestData.Subset(problem.Rows, 31, 7);

        Approx.Equal(logistic.Value(batch, difference), softmax.Value(batch, theta), 1e-13, "F");

        // ∂F/∂θ₁ = ∇F_logistic(θ₁ − θ₀) and ∂F/∂θ₀ = −∇F_logistic(θ₁ − θ₀).
        var g = new double[2 * b];
        softmax.Evaluate(batch, theta, g);
        double[] expected = Gradient(logistic, batch, difference);
        Approx.Equal(expected, g.AsSpan(b, b), 1e-13, "block 1");
        Approx.Equal(expected.Select(v => -v).ToArray(), g.AsSpan(0, b), 1e-13, "block 0");
    }

    [Fact]
    public void Dense_and_sparse_storage_of_the_same_data_agree()
    {
        // 37 features: four SIMD blocks and a tail in the dense kernels, plain sequential sums in the sparse ones.
        MulticlassProblem problem = MulticlassProblem.Random(rows: 60, columns: 37, classCount: 4, seed: 11, zeroFraction: 0.5);
        var dense = new SoftmaxObjective(problem.Dataset(sparse: false), Lambda);
        var sparse = new SoftmaxObjective(problem.Dataset(sparse: true), Lambda);
        Assert.True(sparse.Data.Features.IsSparse);
        Assert.True(sparse.Data.Features.StoredValueCount < problem.Rows * problem.Columns);
        int p = dense.ParameterCount;
        int[] batch = TestData.Subset(problem.Rows, 45, 12);
        double[] theta = TestData.Vector(p, 13, -0.5, 0.5);
        double[] probes = TestData.Vector(2 * p, 14);

        foreach (ReadOnlyMemory<int> rows in new[] { (ReadOnlyMemory<int>)batch, dense.AllRows })
        {
            Approx.Relative([dense.Value(rows, theta)], [sparse.Value(rows, theta)], 1e-12, "value");
            foreach (int n in new[] { 1, 2 })
            {
                var gd = new double[p];
                var gs = new double[p];
                var hd = new double[n * p];
                var hs = new double[n * p];
                dense.EvaluateWithHessianProducts(rows, theta, gd, probes.AsSpan(0, n * p), hd);
                sparse.EvaluateWithHessianProducts(rows, theta, gs, probes.AsSpan(0, n * p), hs);
                Approx.Relative(gd, gs, 1e-12, "gradient");
                Approx.Relative(hd, hs, 1e-12, $"Hz (N = {n})");
            }

            var dd = new double[p];
            var ds = new double[p];
            dense.EvaluateWithExactDiagonal(rows, theta, new double[p], dd);
            sparse.EvaluateWithExactDiagonal(rows, theta, new double[p], ds);
            Approx.Relative(dd, ds, 1e-12, "diag");
        }
    }

    [Theory]
    [InlineData(2000, 64, 3, false)] // 384,000 units of work: 5 chunks
    [InlineData(3000, 29, 4, true)]  // about 61,000 non-zeros × 4 classes: 3 chunks of uneven size, sparse
    public void Results_are_bitwise_identical_for_any_thread_count(int rows, int columns, int classes, bool sparse)
    {
        MulticlassProblem problem = MulticlassProblem.Random(rows, columns, classes, seed: 21);
        MulticlassDataset data = problem.Dataset(sparse);
        var one = new SoftmaxObjective(data, Lambda, numberOfThreads: 1);
        var two = new SoftmaxObjective(data, Lambda, numberOfThreads: 2);
        var three = new SoftmaxObjective(data, Lambda, numberOfThreads: 3);
        int p = one.ParameterCount;
        double[] theta = TestData.Vector(p, 22, -0.5, 0.5);
        double[] probes = TestData.Vector(3 * p, 23);
        int[] batch = TestData.Subset(rows, rows - 7, 24); // shuffled rows

        foreach (ReadOnlyMemory<int> r in new[] { one.AllRows, (ReadOnlyMemory<int>)batch })
        {
            Assert.True(one.ChunkCount(r.Span) > 1, "the rows must be split for this test to mean anything");
            (double Value, double[] Gradient, double[] Hz1, double[] Hz3, double[] Diagonal) Run(SoftmaxObjective o)
            {
                var g = new double[p];
                var hz1 = new double[p];
                var hz3 = new double[3 * p];
                var diag = new double[p];
                double v = o.Evaluate(r, theta, g);
                o.EvaluateWithHessianProducts(r, theta, new double[p], probes.AsSpan(0, p), hz1);
                o.EvaluateWithHessianProducts(r, theta, new double[p], probes, hz3);
                o.EvaluateWithExactDiagonal(r, theta, new double[p], diag);
                return (v, g, hz1, hz3, diag);
            }

            var a = Run(one);
            foreach (SoftmaxObjective other in new[] { two, three })
            {
                var b = Run(other);
                Approx.Bitwise(a.Value, b.Value, "value");
                Approx.Bitwise(a.Gradient, b.Gradient, "gradient");
                Approx.Bitwise(a.Hz1, b.Hz1, "Hz (N=1)");
                Approx.Bitwise(a.Hz3, b.Hz3, "Hz (N=3)");
                Approx.Bitwise(a.Diagonal, b.Diagonal, "diag");
            }

            // The chunked reduction is still the right sum.
            Approx.Relative([problem.Value(Lambda, r.ToArray(), theta)], [a.Value], 1e-12, "value");
        }
    }

    [Fact]
    public void A_mini_batch_is_normalised_by_its_own_weight_and_the_penalty_by_the_whole_datasets()
    {
        MulticlassProblem problem = MulticlassProblem.Random(rows: 30, columns: 5, classCount: 3, seed: 8);
        MulticlassDataset data = problem.Dataset(sparse: false);
        var plain = new SoftmaxObjective(data);
        var penalised = new SoftmaxObjective(data, Lambda);
        double[] theta = TestData.Vector(plain.ParameterCount, 9, -1, 1);
        int[] batch = TestData.Subset(problem.Rows, 12, 10);

        // With λ = 0 the value of one row is its loss −log p_y; the batch value is their ω-weighted mean over B.
        double sum = 0, weight = 0;
        foreach (int i in batch)
        {
            double omega = problem.Features.Weight(i);
            sum += omega == 0 ? 0 : omega * plain.Value(new[] { i }, theta);
            weight += omega;
        }

        Approx.Equal(sum / weight, plain.Value(batch, theta), 1e-13, "weighted mean over B");

        // The penalty divides by Ω of the whole dataset, never by Ω_B, and skips every class's bias.
        int b = problem.Columns + 1;
        double norm = Enumerable.Range(0, theta.Length).Where(j => j % b != b - 1).Sum(j => theta[j] * theta[j]);
        Approx.Equal(sum / weight + Lambda / (2 * data.TotalWeight) * norm, penalised.Value(batch, theta), 1e-13, "F_B");
    }

    [Fact]
    public void Passes_allocate_nothing_on_the_calling_thread_once_warm()
    {
        MulticlassDataset data = MulticlassProblem.Random(rows: 3000, columns: 64, classCount: 3, seed: 31).Dataset(sparse: false);
        var objective = new SoftmaxObjective(data, Lambda, numberOfThreads: 2);
        int p = objective.ParameterCount;
        double[] theta = TestData.Vector(p, 32, -0.5, 0.5);
        double[] probes = TestData.Vector(2 * p, 33);
        var gradient = new double[p];
        var products = new double[2 * p];
        var diagonal = new double[p];
        ReadOnlyMemory<int> small = objective.AllRows[..50];
        Assert.True(objective.ChunkCount(objective.AllRows.Span) > 1);
        Assert.Equal(1, objective.ChunkCount(small.Span));

        ReadOnlyMemory<int>[] batches = [objective.AllRows, small]; // split and not split
        void Passes()
        {
            foreach (ReadOnlyMemory<int> rows in batches)
            {
                objective.EvaluateWithHessianProducts(rows, theta, gradient, probes.AsSpan(0, p), products.AsSpan(0, p));
                objective.EvaluateWithHessianProducts(rows, theta, gradient, probes, products);
                objective.EvaluateWithExactDiagonal(rows, theta, gradient, diagonal);
                objective.Evaluate(rows, theta, gradient);
                objective.Value(rows, theta);
            }
        }

        Passes();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Passes();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Wrong_lengths_are_rejected_with_the_argument_named()
    {
        var data = new MulticlassDataset(FeatureMatrix.Dense(2, 2, [1f, 2f, 3f, 4f]), [0, 2], classCount: 3);
        var objective = new SoftmaxObjective(data);
        var ok = new double[9];

        Assert.Equal("theta", Assert.Throws<ArgumentOutOfRangeException>(() => objective.Value(objective.AllRows, new double[3])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentOutOfRangeException>(() => objective.Evaluate(objective.AllRows, ok, new double[3])).ParamName);
        Assert.Equal("probes", Assert.Throws<ArgumentOutOfRangeException>(
            () => objective.EvaluateWithHessianProducts(objective.AllRows, ok, new double[9], new double[10], new double[10])).ParamName);
        Assert.Equal("probes", Assert.Throws<ArgumentOutOfRangeException>(
            () => objective.EvaluateWithHessianProducts(objective.AllRows, ok, new double[9], [], [])).ParamName);
        Assert.Equal("products", Assert.Throws<ArgumentOutOfRangeException>(
            () => objective.EvaluateWithHessianProducts(objective.AllRows, ok, new double[9], new double[18], new double[9])).ParamName);
        Assert.Equal("diagonal", Assert.Throws<ArgumentOutOfRangeException>(
            () => objective.EvaluateWithExactDiagonal(objective.AllRows, ok, new double[9], new double[3])).ParamName);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_non_finite_L2_and_zero_threads_are_rejected(double lambda)
    {
        var data = new MulticlassDataset(FeatureMatrix.Dense(1, 1, [1f]), [0], classCount: 2);
        Assert.Equal("l2Regularization", Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxObjective(data, lambda)).ParamName);
        Assert.Equal("numberOfThreads", Assert.Throws<ArgumentOutOfRangeException>(
            () => new SoftmaxObjective(data, numberOfThreads: 0)).ParamName);
    }
}
