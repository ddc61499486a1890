using AdaHessian.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Suite.Pipeline;

/// <summary>Turns a dataset into an in-memory ML.NET view with columns Label (Boolean) and Features (vector of Single).</summary>
internal static class DataViews
{
    /// <summary>The rows of <paramref name="data"/>, sparse rows kept sparse, values copied once.</summary>
    public static IDataView ToView(MLContext ml, LogisticDataset data)
    {
        var features = data.Features;
        var rows = new SuiteRow[data.RowCount];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = features.Row(i);
            rows[i] = new SuiteRow
            {
                Label = data.Labels[i] == 1f,
                Features = features.IsSparse
                    ? new VBuffer<float>(features.ColumnCount, row.Values.Length, row.Values.ToArray(), row.Indices.ToArray())
                    : new VBuffer<float>(features.ColumnCount, row.Values.ToArray()),
            };
        }

        var schema = SchemaDefinition.Create(typeof(SuiteRow));
        schema[nameof(SuiteRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.ColumnCount);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
