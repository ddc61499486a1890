using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Objective;

// The four-row AVX-512 blocks must reproduce the row-by-row kernels bit for bit, or results would depend on the CPU.
public class FusedPassTests
{
    public static TheoryData<int, LossKind> ColumnsAndLosses => new()
    {
        { 1, LossKind.LogLoss },
        { 7, LossKind.LogLoss },
        { 8, LossKind.SquaredError },
        { 19, LossKind.LogLoss },
        { 64, LossKind.SquaredError },
        { 784, LossKind.LogLoss },
    };

    private enum Shape
    {
        Value,
        Gradient,
        OneProbe,
        TwoProbes,
        Diagonal,
    }

    [SkippableTheory]
    [MemberData(nameof(ColumnsAndLosses))]
    public void Blocks_give_the_bits_of_the_row_by_row_kernels(int columns, LossKind loss)
    {
        Skip.IfNot(RowBlockKernels.IsSupported, "This CPU has no AVX-512, so only the row-by-row kernels run.");
        // 29 rows with zero weights among them: blocks skip those rows and leave a partial block at the end.
        LogisticDataset data = TestData.Random(rows: 29, columns: columns, seed: columns).Dataset(sparse: false);
        int[] rows = [.. TestData.Subset(29, 29, seed: 5), 3, 0, 3];
        double[] theta = TestData.Vector(columns + 1, seed: 6, -0.5, 0.5);
        double[] probes = TestData.Vector(2 * (columns + 1), seed: 7);

        foreach (Shape shape in Enum.GetValues<Shape>())
        {
            Sums blocked = Run(data, loss, rows, theta, probes, shape, allowBlocks: true);
            Sums byRow = Run(data, loss, rows, theta, probes, shape, allowBlocks: false);

            Assert.Equal(byRow.Loss, blocked.Loss);
            Assert.Equal(byRow.Weight, blocked.Weight);
            Assert.Equal(byRow.Gradient, blocked.Gradient);
            Assert.Equal(byRow.Products, blocked.Products);
            Assert.Equal(byRow.Diagonal, blocked.Diagonal);
        }
    }

    [SkippableFact]
    public void A_row_index_out_of_range_throws_in_the_block_path()
    {
        Skip.IfNot(RowBlockKernels.IsSupported, "This CPU has no AVX-512, so only the row-by-row kernels run.");
        LogisticDataset data = TestData.Random(rows: 8, columns: 9, seed: 1, weighted: false).Dataset(sparse: false);
        double[] theta = new double[10];
        var gradient = new double[10];

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new FusedPass(data, LossKind.LogLoss, theta, default, new PassShape(true, 0, false), gradient, default, default)
                .Run([0, 1, 2, 8, 4]));

        Assert.Equal("row", error.ParamName);
    }

    private static Sums Run(LogisticDataset data, LossKind loss, int[] rows, double[] theta, double[] allProbes,
        Shape shape, bool allowBlocks)
    {
        int p = data.FeatureCount + 1;
        int probeCount = shape switch { Shape.OneProbe => 1, Shape.TwoProbes => 2, _ => 0 };
        var passShape = new PassShape(shape != Shape.Value, probeCount, shape == Shape.Diagonal);
        var gradient = new double[shape == Shape.Value ? 0 : p];
        var products = new double[probeCount * p];
        var diagonal = new double[shape == Shape.Diagonal ? p : 0];
        (double lossSum, double weight) = new FusedPass(data, loss, theta, allProbes.AsSpan(0, probeCount * p), passShape,
            gradient, products, diagonal).Run(rows, allowBlocks);
        return new Sums(lossSum, weight, gradient, products, diagonal);
    }

    private sealed record Sums(double Loss, double Weight, double[] Gradient, double[] Products, double[] Diagonal);
}
