using AdaHessian.Data;
using AdaHessian.Objective;

namespace AdaHessian.Tests.Objective;

public class ChunkCountsTests
{
    // 1,000 dense rows of 1,000 values: 10^6 stored values, 10^8 units of work at 100 per value (a 100-class softmax).
    private static readonly FeatureMatrix Rows = FeatureMatrix.Dense(1000, 1000, new float[1_000_000]);

    [Theory]
    [InlineData(1_001, 1, 15)]           // 10^6 values / 2^16 per chunk
    [InlineData(1_001, 100, 32)]         // the most chunks
    [InlineData(100_100, 100, 32)]       // the work fills 32 chunks of 200,200, within 4 Mi / P = 41
    [InlineData(500_100, 100, 8)]        // 4 Mi / P: the accumulators' memory decides
    [InlineData(10_000_000, 100, 1)]     // one chunk's accumulators are already more than 4 Mi values
    public void The_count_follows_the_work_up_to_the_accumulators_memory(int parameterCount, int workPerValue, int expected)
    {
        int[] all = [.. Enumerable.Range(0, 1000)];

        Assert.Equal(expected, ChunkCounts.For(Rows, all, parameterCount, workPerValue));
    }

    [Fact]
    public void A_chunk_gets_at_least_one_row()
    {
        Assert.Equal(3, ChunkCounts.For(Rows, [0, 1, 2], 1_001, workPerValue: 1_000));
    }
}
