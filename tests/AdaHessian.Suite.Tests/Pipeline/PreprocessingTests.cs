using AdaHessian.Data;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Pipeline;
using Microsoft.ML;

namespace AdaHessian.Suite.Tests.Pipeline;

public class PreprocessingTests
{
    private static readonly DataSplit Split = new(
        new LogisticDataset(FeatureMatrix.Dense(3, 2, [1, -4, 2, 0, 4, 8]), [1f, 0f, 1f]),
        new LogisticDataset(FeatureMatrix.Dense(1, 2, [8, 4]), [0f]));

    [Fact]
    public void Min_max_is_fitted_on_train_and_applied_to_test()
    {
        var data = Preprocessing.Prepare(new MLContext(seed: 0), Split, normalize: true);

        // NormalizeMinMax keeps zero at zero: it divides each column by its largest |value| on train (4, 8).
        Assert.Equal([0.25f, -0.5f], data.Train.Features.Row(0).Values.ToArray());
        Assert.Equal([1f, 1f], data.Train.Features.Row(2).Values.ToArray());
        Assert.Equal([2f, 0.5f], data.Test.Features.Row(0).Values.ToArray());
        Assert.Equal([1f, 0f, 1f], data.Train.Labels);
        Assert.Equal(3, data.TrainView.GetRowCount());
    }

    [Fact]
    public void Without_normalisation_the_rows_are_unchanged()
    {
        var data = Preprocessing.Prepare(new MLContext(seed: 0), Split, normalize: false);

        Assert.Same(Split.Train, data.Train);
        Assert.Equal(1, data.TestView.GetRowCount());
    }

    [Fact]
    public void Sparse_rows_stay_sparse()
    {
        var sparse = new DataSplit(
            new LogisticDataset(FeatureMatrix.Sparse(2, 3, [0, 1, 3], [2, 0, 2], [2, 1, 4]), [1f, 0f]),
            new LogisticDataset(FeatureMatrix.Sparse(1, 3, [0, 1], [1], [5]), [1f]));

        var data = Preprocessing.Prepare(new MLContext(seed: 0), sparse, normalize: true);

        Assert.True(data.Train.Features.IsSparse);
        Assert.Equal([2], data.Train.Features.Row(0).Indices.ToArray());
        Assert.Equal([0.5f], data.Train.Features.Row(0).Values.ToArray());
    }
}
