using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

public class AutomaticBudgetTests
{
    [Theory]
    [InlineData(500, 20, 10_000L, 500)]                 // small: full batch
    [InlineData(4096, 784, 4096L * 784, 4096)]          // the last full-batch size
    [InlineData(12_000, 784, 12_000L * 784, 256)]       // dense: (d + 1)/d rows is below 256
    [InlineData(1_000_000, 100_000, 20_000_000L, 5001)] // wide sparse, 20 per row: ⌈100,001 / 20⌉
    [InlineData(5000, 100_000, 5000L * 20, 5000)]       // never more than the rows
    public void Batch_is_full_for_small_data_else_large_enough_for_the_width(int rows, int features, long stored, int expected)
    {
        Assert.Equal(expected, AutomaticBudget.BatchSize(rows, features, stored));
    }

    [Theory]
    [InlineData(500, 500, 30, 2000, 2000)]   // one step per epoch: 2,000 epochs
    [InlineData(12_000, 256, 30, 2000, 43)]  // 47 steps per epoch: ⌈2000/47⌉ = 43
    [InlineData(1_000_000, 5001, 30, 2000, 30)] // 200 steps per epoch: 30 epochs already give 6,000
    [InlineData(100, 10, 7, 0, 7)]
    public void Epochs_give_at_least_the_minimum_number_of_steps(int rows, int batch, int epochs, int minimum, int expected)
    {
        Assert.Equal(expected, AutomaticBudget.Epochs(rows, batch, epochs, minimum));
        Assert.True(AutomaticBudget.Steps(rows, batch, expected) >= minimum);
    }
}
