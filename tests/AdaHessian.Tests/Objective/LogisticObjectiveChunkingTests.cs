using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Objective;

// A pass split into chunks: the same bits on any thread count, and nothing allocated once warm. Not alongside other
// test classes: their chunk runners' work items can make the thread pool grow its queue, which allocates on the
// thread that queues — the one the allocation test measures.
[Collection(ChunkRunnerTests.Collection)]
public class LogisticObjectiveChunkingTests
{
    private const double Lambda = 0.7;

    [Theory]
    [InlineData(5000, 64, false)] // full batch 4 chunks, the 4993-row batch 4
    [InlineData(6500, 29, true)]  // about 132,000 non-zeros: 2 chunks of uneven size, sparse
    [InlineData(300, 784, false)] // mini-batch sized: 3 chunks of 100 rows
    public void Results_are_bitwise_identical_for_any_thread_count(int rows, int columns, bool sparse)
    {
        TestProblem problem = TestData.Random(rows, columns, seed: 21);
        LogisticDataset data = problem.Dataset(sparse);
        var one = new LogisticObjective(data, LossKind.SquaredError, Lambda, numberOfThreads: 1);
        var two = new LogisticObjective(data, LossKind.SquaredError, Lambda, numberOfThreads: 2);
        var three = new LogisticObjective(data, LossKind.SquaredError, Lambda, numberOfThreads: 3);
        int p = one.ParameterCount;
        double[] theta = TestData.Vector(p, 22, -0.5, 0.5);
        double[] probes = TestData.Vector(3 * p, 23);
        int[] batch = TestData.Subset(rows, rows - 7, 24); // shuffled rows

        foreach (ReadOnlyMemory<int> r in new[] { one.AllRows, (ReadOnlyMemory<int>)batch })
        {
            Assert.True(one.ChunkCount(r.Span) > 1, "the rows must be split for this test to mean anything");
            (double Value, double[] Gradient, double[] Hz1, double[] Hz3, double[] Diagonal) Run(LogisticObjective o)
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
            foreach (LogisticObjective other in new[] { two, three })
            {
                var b = Run(other);
                Approx.Bitwise(a.Value, b.Value, "value");
                Approx.Bitwise(a.Gradient, b.Gradient, "gradient");
                Approx.Bitwise(a.Hz1, b.Hz1, "Hz (N=1)");
                Approx.Bitwise(a.Hz3, b.Hz3, "Hz (N=3)");
                Approx.Bitwise(a.Diagonal, b.Diagonal, "diag");
            }

            // The chunked reduction is still the right sum.
            int[] rowArray = r.ToArray();
            Approx.Relative([Reference.Value(problem, LossKind.SquaredError, Lambda, rowArray, theta)], [a.Value], 1e-12, "value");
            Approx.Relative(Reference.Gradient(problem, LossKind.SquaredError, Lambda, rowArray, theta), a.Gradient, 1e-11, "gradient");
        }
    }

    [Fact]
    public void A_split_pass_allocates_nothing_on_the_calling_thread_once_warm()
    {
        LogisticDataset data = TestData.Random(rows: 3000, columns: 64, seed: 31).Dataset(sparse: false);
        var objective = new LogisticObjective(data, LossKind.LogLoss, Lambda, numberOfThreads: 2);
        int p = objective.ParameterCount;
        double[] theta = TestData.Vector(p, 32, -0.5, 0.5);
        double[] probe = TestData.Vector(p, 33);
        var gradient = new double[p];
        var product = new double[p];
        Assert.True(objective.ChunkCount(objective.AllRows.Span) > 1);
        objective.EvaluateWithHessianProducts(objective.AllRows, theta, gradient, probe, product);

        // Steady state: the least of three rounds. The thread pool may grow its global queue once, on the thread that
        // queues the helpers, when other tests have filled it; a pass that allocated would allocate in every round.
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                objective.EvaluateWithHessianProducts(objective.AllRows, theta, gradient, probe, product);
                objective.Evaluate(objective.AllRows, theta, gradient);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
    }
}
