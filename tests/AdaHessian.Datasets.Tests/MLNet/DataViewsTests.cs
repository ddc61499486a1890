using AdaHessian.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Datasets.Tests.MLNet;

public class DataViewsTests
{
    [Fact]
    public void A_weighted_dataset_keeps_its_weights_and_a_fractional_label_is_refused()
    {
        var ml = new MLContext(seed: 1);
        var weighted = new LogisticDataset(FeatureMatrix.Dense(2, 1, [3f, 4f]), [1f, 0f], [0.5f, 2f]);

        IDataView view = DataViews.FromDataset(ml, weighted);

        Assert.Equal(new[] { 0.5f, 2f }, view.GetColumn<float>("Weight").ToArray());
        Assert.Equal(new[] { true, false }, view.GetColumn<bool>("Label").ToArray());
        Assert.Throws<ArgumentException>(() => DataViews.FromDataset(ml, new LogisticDataset(FeatureMatrix.Dense(1, 1, [1f]), [0.2f])));
    }

    [Fact]
    public void Load_gives_the_Features_column_its_known_size()
    {
        var view = DataViews.Load(new MLContext(seed: 1), new[] { new Row { Features = [1f, 2f, 3f] } }, 3);

        Assert.Equal(3, Assert.IsType<VectorDataViewType>(view.Schema["Features"].Type).Size);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
