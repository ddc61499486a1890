using AdaHessian.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Datasets;

/// <summary>Core datasets and row objects as ML.NET data views whose Features column is a vector of known size.</summary>
public static class DataViews
{
    /// <summary>
    /// The rows of <paramref name="data"/>, in order, with the same floats: Label (Boolean: label 1 is true),
    /// Features (dense or sparse as stored) and, when the dataset is weighted, Weight. A model fitted through ML.NET
    /// and the core objective evaluated on <paramref name="data"/> therefore see identical data.
    /// </summary>
    /// <exception cref="ArgumentException">A label is neither 0 nor 1.</exception>
    public static IDataView FromDataset(MLContext ml, LogisticDataset data)
    {
        if (data.Labels.Any(y => y is not (0f or 1f)))
        {
            throw new ArgumentException("A Boolean label column needs labels 0 or 1.", nameof(data));
        }

        return data.Weights is null
            ? Load(ml, Rows(data).Select(r => new Row { Label = r.Label, Features = r.Features }), data.FeatureCount)
            : Load(ml, Rows(data).Select(r => new WeightedRow { Label = r.Label, Features = r.Features, Weight = r.Weight }),
                data.FeatureCount);
    }

    /// <summary>Loads row objects whose Features member holds <paramref name="featureCount"/> values per row.</summary>
    public static IDataView Load<TRow>(MLContext ml, IEnumerable<TRow> rows, int featureCount)
        where TRow : class
    {
        var schema = SchemaDefinition.Create(typeof(TRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private static IEnumerable<(bool Label, VBuffer<float> Features, float Weight)> Rows(LogisticDataset data)
    {
        int columns = data.FeatureCount;
        for (int i = 0; i < data.RowCount; i++)
        {
            FeatureRow row = data.Features.Row(i);
            VBuffer<float> features = data.Features.IsSparse
                ? new VBuffer<float>(columns, row.Values.Length, row.Values.ToArray(), row.Indices.ToArray())
                : new VBuffer<float>(columns, row.Values.ToArray());
            yield return (data.Labels[i] == 1f, features, data.Weights?[i] ?? 1f);
        }
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    private sealed class WeightedRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; }
    }
}
