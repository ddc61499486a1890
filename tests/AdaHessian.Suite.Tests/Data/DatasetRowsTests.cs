using AdaHessian.Data;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Tests.Data;

public class DatasetRowsTests
{
    [Fact]
    public void Dense_rows_are_copied_in_the_order_asked_with_their_labels()
    {
        var data = new LogisticDataset(FeatureMatrix.Dense(3, 2, [1, 2, 3, 4, 5, 6]), [1f, 0f, 1f]);

        var rows = DatasetRows.Select(data, [2, 0]);

        Assert.Equal([5f, 6f, 1f, 2f], rows.Features.ToDenseArray());
        Assert.Equal([1f, 1f], rows.Labels);
    }

    [Fact]
    public void Sparse_rows_stay_sparse()
    {
        var data = new LogisticDataset(FeatureMatrix.Sparse(3, 4, [0, 1, 1, 3], [2, 0, 3], [7, 8, 9]), [0f, 1f, 0f]);

        var rows = DatasetRows.Select(data, [2, 1]);

        Assert.True(rows.Features.IsSparse);
        Assert.Equal([8f, 0f, 0f, 9f, 0f, 0f, 0f, 0f], rows.Features.ToDenseArray());
        Assert.Equal([0f, 1f], rows.Labels);
    }
}
