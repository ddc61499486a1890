using AdaHessian.Suite.Synthetic;

namespace AdaHessian.Suite.Tests.Datasets;

public class PlantedDataTests
{
    [Fact]
    public void The_dense_generator_is_seeded_and_scales_columns_without_changing_labels()
    {
        var plain = new PlantedDense(50, 20, 4, 9).Generate();
        var again = new PlantedDense(50, 20, 4, 9).Generate();
        var scaled = new PlantedDense(50, 20, 4, 9) { ColumnScale = j => j + 1 }.Generate();

        Assert.Equal(plain.Train.Labels, again.Train.Labels);
        Assert.Equal(plain.Train.Labels, scaled.Train.Labels);
        Assert.Equal(plain.Train.Features.Row(3).Values[2] * 3, scaled.Train.Features.Row(3).Values[2], 4);
        Assert.Equal(20, plain.Test.RowCount);
        Assert.Contains(1f, plain.Train.Labels);
        Assert.Contains(0f, plain.Train.Labels);
    }

    [Fact]
    public void The_sparse_generator_sets_distinct_binary_columns_in_every_row()
    {
        var split = new PlantedSparse(30, 10, 1_000, 5, 3).Generate();

        Assert.True(split.Train.Features.IsSparse);
        for (int i = 0; i < split.Train.RowCount; i++)
        {
            var row = split.Train.Features.Row(i);
            Assert.Equal(5, row.Indices.Length);
            Assert.All(row.Values.ToArray(), v => Assert.Equal(1f, v));
        }

        Assert.Equal(split.Train.Labels, new PlantedSparse(30, 10, 1_000, 5, 3).Generate().Train.Labels);
    }
}
