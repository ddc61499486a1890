using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Objective;

// Products from stored curvatures against the probe pass they replace: bit for bit, in one chunk and in several, on
// any thread count, with rows of weight 0 among shuffled rows.
[Collection(ChunkRunnerTests.Collection)]
public class CurvatureStoreTests
{
    private const double Lambda = 0.7;

    public static TheoryData<int, int, bool, LossKind> LogisticCases => new()
    {
        { 40, 11, false, LossKind.LogLoss },      // one chunk
        { 40, 11, true, LossKind.SquaredError },
        { 5000, 64, false, LossKind.LogLoss },    // 4 chunks
        { 6500, 29, true, LossKind.LogLoss },     // 2 uneven chunks, sparse
    };

    public static TheoryData<int, int, int, bool> SoftmaxCases => new()
    {
        { 40, 11, 3, false },   // one chunk
        { 40, 11, 3, true },
        { 2000, 64, 3, false }, // 5 chunks
        { 3000, 29, 4, true },  // 3 uneven chunks, sparse
    };

    [Theory]
    [MemberData(nameof(LogisticCases))]
    public void A_logistic_product_from_stored_curvatures_is_the_probe_pass_product(int rows, int columns, bool sparse,
        LossKind loss)
    {
        LogisticDataset data = TestData.Random(rows, columns, seed: 41).Dataset(sparse);
        foreach (int threads in new[] { 1, 2 })
        {
            var objective = new LogisticObjective(data, loss, Lambda, threads);
            Check(objective, objective, TestData.Subset(rows, rows - 3, 42), curvaturesPerRow: 1);
        }
    }

    [Theory]
    [MemberData(nameof(SoftmaxCases))]
    public void A_softmax_product_from_stored_probabilities_is_the_probe_pass_product(int rows, int columns, int classes,
        bool sparse)
    {
        MulticlassDataset data = MulticlassProblem.Random(rows, columns, classes, seed: 43).Dataset(sparse);
        foreach (int threads in new[] { 1, 2 })
        {
            var objective = new SoftmaxObjective(data, Lambda, threads);
            Check(objective, objective, TestData.Subset(rows, rows - 3, 44), curvaturesPerRow: classes);
        }
    }

    [Fact]
    public void Storing_changes_neither_the_value_nor_the_gradient_nor_the_diagonal()
    {
        MulticlassDataset data = MulticlassProblem.Random(2000, 64, 3, seed: 45).Dataset(sparse: false);
        var objective = new SoftmaxObjective(data, Lambda, numberOfThreads: 2);
        int p = objective.ParameterCount;
        double[] theta = TestData.Vector(p, 46, -0.5, 0.5);
        ReadOnlyMemory<int> rows = TestData.Subset(2000, 1990, 47);
        double[] g1 = new double[p], d1 = new double[p], g2 = new double[p], d2 = new double[p];
        double plain = objective.EvaluateWithExactDiagonal(rows, theta, g1, d1);
        double stored = ((ICurvatureStore)objective).EvaluateWithExactDiagonal(rows, theta, g2, d2, new double[rows.Length * 3]);
        Approx.Bitwise(plain, stored, "value");
        Approx.Bitwise(g1, g2, "gradient");
        Approx.Bitwise(d1, d2, "diagonal");
    }

    [Fact]
    public void Too_few_curvatures_for_the_rows_is_refused()
    {
        LogisticDataset data = TestData.Random(10, 3, seed: 48).Dataset(sparse: false);
        ICurvatureStore store = new LogisticObjective(data, LossKind.LogLoss);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            store.HessianProduct(new int[] { 0, 1, 2 }, new double[4], new double[2], new double[4], new double[4]));
        Assert.Equal("curvatures", ex.ParamName);
    }

    private static void Check(IObjective objective, ICurvatureStore store, int[] batch, int curvaturesPerRow)
    {
        Assert.Equal(curvaturesPerRow, store.CurvaturesPerRow);
        int p = objective.ParameterCount;
        double[] theta = TestData.Vector(p, 50, -0.5, 0.5);
        var curvatures = new double[batch.Length * curvaturesPerRow];
        store.EvaluateWithExactDiagonal(batch, theta, new double[p], new double[p], curvatures);
        for (int probe = 0; probe < 3; probe++)
        {
            double[] z = TestData.Vector(p, 51 + probe);
            var expected = new double[p];
            objective.EvaluateWithHessianProducts(batch, theta, new double[p], z, expected);
            var actual = new double[p];
            store.HessianProduct(batch, theta, curvatures, z, actual);
            Approx.Bitwise(expected, actual, $"H·z, probe {probe}");
        }
    }
}
