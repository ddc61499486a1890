using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Datasets.Tests;

public class LabelledMatrixTests
{
    [Fact]
    public void DataViewHoldsTheSameRowsAsTheArrays()
    {
        var ml = new MLContext(seed: 1);
        // Row 0: {1: 2.5}, row 1: {}, row 2: {0: -1, 3: 4}.
        var sparse = LabelledMatrix.Sparse(3, 4, [0, 1, 1, 3], [1, 0, 3], [2.5f, -1f, 4f], [1f, 0f, 1f]);
        var dense = LabelledMatrix.Dense(2, 3, [1f, 2f, 3f, 4f, 5f, 6f], [0f, 1f]);

        Assert.Equal(
            new[] { new float[] { 0, 2.5f, 0, 0 }, new float[] { 0, 0, 0, 0 }, new float[] { -1, 0, 0, 4 } },
            Rows(ml, sparse, out bool[] sparseLabels));
        Assert.Equal(new[] { true, false, true }, sparseLabels);
        Assert.Equal(new[] { new float[] { 1, 2, 3 }, new float[] { 4, 5, 6 } }, Rows(ml, dense, out bool[] denseLabels));
        Assert.Equal(new[] { false, true }, denseLabels);
    }

    private static float[][] Rows(MLContext ml, LabelledMatrix data, out bool[] labels)
    {
        IDataView view = data.ToDataView(ml);
        var type = Assert.IsType<VectorDataViewType>(view.Schema["Features"].Type);
        Assert.Equal(data.Columns, type.Size);
        labels = view.GetColumn<bool>("Label").ToArray();
        return view.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
    }
}
