using AdaHessian.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Suite.Pipeline;

/// <summary>Reads a Label/Features view back into a dataset, so the metrics see exactly the floats the trainers see.</summary>
internal static class ViewReader
{
    /// <summary>The rows of <paramref name="view"/>: CSR (non-zeros only) when <paramref name="sparse"/>, else dense.</summary>
    public static LogisticDataset ToDataset(IDataView view, bool sparse)
    {
        var featureColumn = view.Schema[nameof(SuiteRow.Features)];
        var labelColumn = view.Schema[nameof(SuiteRow.Label)];
        int width = ((VectorDataViewType)featureColumn.Type).Size;
        var labels = new List<float>();
        var values = new List<float>();
        var indices = new List<int>();
        var starts = new List<int> { 0 };
        using var cursor = view.GetRowCursor([featureColumn, labelColumn]);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(featureColumn);
        var getLabel = cursor.GetGetter<bool>(labelColumn);
        VBuffer<float> x = default;
        bool label = false;
        while (cursor.MoveNext())
        {
            getFeatures(ref x);
            getLabel(ref label);
            labels.Add(label ? 1f : 0f);
            if (sparse)
            {
                foreach (var (column, value) in x.Items())
                {
                    if (value != 0)
                    {
                        indices.Add(column);
                        values.Add(value);
                    }
                }

                starts.Add(values.Count);
            }
            else
            {
                foreach (float value in x.DenseValues())
                {
                    values.Add(value);
                }
            }
        }

        var matrix = sparse
            ? FeatureMatrix.Sparse(labels.Count, width, [.. starts], [.. indices], [.. values])
            : FeatureMatrix.Dense(labels.Count, width, [.. values]);
        return new LogisticDataset(matrix, [.. labels]);
    }
}
