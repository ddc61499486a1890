using AdaHessian.Suite.Data;
using AdaHessian.Suite.MulticlassSuite;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Suite.Tests.MulticlassSuite;

public class MulticlassViewsTests
{
    [Fact]
    public void The_key_holds_every_declared_class_in_order_even_one_without_rows()
    {
        var rows = new MulticlassRows([[1f], [2f], [3f]], [2, 0, 2], ["a", "b", "c", "d"]);
        var ml = new MLContext(seed: 0);

        IDataView view = MulticlassViews.Keyed(ml, rows);

        var label = view.Schema[MulticlassViews.Label];
        Assert.Equal(4UL, ((KeyDataViewType)label.Type).Count);
        VBuffer<float> values = default;
        label.Annotations.GetValue("KeyValues", ref values);
        Assert.Equal([0f, 1, 2, 3], values.DenseValues());
        // Keys are 1-based: class c is key c + 1.
        Assert.Equal([3u, 1, 3], view.GetColumn<uint>(MulticlassViews.Label));
    }

    [Fact]
    public void The_features_are_normalised_by_the_training_split_alone()
    {
        var train = new MulticlassRows([[0f, 5], [2f, 10], [4f, 5]], [0, 1, 1], ["a", "b"]);
        var test = new MulticlassRows([[8f, 20], [1f, 0]], [1, 0], ["a", "b"]);

        PreparedMulticlass data = MulticlassPreparation.Prepare(new MulticlassSplit(train, test));

        // NormalizeMinMax keeps 0 at 0 for non-negative data: x / (training maximum), maxima 4 and 10.
        AssertRows([[0, 0.5], [0.5, 1], [1, 0.5]], data.Train.Features);
        AssertRows([[2, 2], [0.25, 0]], data.Test.Features);
        Assert.Equal([1, 0], data.Test.Labels);
        Assert.Equal([2u, 1], data.TestView.GetColumn<uint>(MulticlassViews.Label));
    }

    private static void AssertRows(double[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Length);
            for (int j = 0; j < expected[i].Length; j++)
            {
                Assert.Equal(expected[i][j], actual[i][j], 6);
            }
        }
    }
}
