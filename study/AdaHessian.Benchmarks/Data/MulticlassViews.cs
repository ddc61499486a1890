using AdaHessian.Data;
using AdaHessian.Datasets;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Benchmarks.Data;

/// <summary>Multiclass rows as ML.NET views (Label a key column, Features a vector of known size), and Fashion-MNIST as such rows.</summary>
internal static class MulticlassViews
{
    /// <summary>All ten classes of a Fashion-MNIST split, pixels / 255, dense.</summary>
    public static MulticlassDataset FashionMnist(AdaHessian.Datasets.FashionMnist split)
    {
        int d = split.PixelsPerImage;
        var values = new float[(long)split.Rows * d];
        for (int i = 0; i < split.Rows; i++)
        {
            split.Scaled(i).CopyTo(values, (long)i * d);
        }

        return new MulticlassDataset(FeatureMatrix.Dense(split.Rows, d, values), [.. split.Labels.Select(l => (int)l)], 10);
    }

    /// <summary>Bytes of the features as float: values, plus column indices and row starts for CSR.</summary>
    public static long FeatureBytes(MulticlassDataset data)
    {
        FeatureMatrix x = data.Features;
        return x.IsSparse ? x.StoredValueCount * 8 + (x.RowCount + 1L) * 4 : (long)x.RowCount * x.ColumnCount * 4;
    }

    /// <summary>The rows as a view with a key Label (MapValueToKey over the class index), cached in memory and read once.</summary>
    public static IDataView Cached(MLContext ml, MulticlassDataset data)
    {
        int d = data.FeatureCount;
        var rows = Enumerable.Range(0, data.RowCount).Select(i =>
        {
            FeatureRow row = data.Features.Row(i);
            var features = data.Features.IsSparse
                ? new VBuffer<float>(d, row.Values.Length, row.Values.ToArray(), row.Indices.ToArray())
                : new VBuffer<float>(d, row.Values.ToArray());
            return new Row { Label = data.Labels[i], Features = features };
        });
        IDataView raw = DataViews.Load(ml, rows, d);
        IDataView keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw);
        IDataView cached = ml.Data.Cache(keyed);
        using (DataViewRowCursor cursor = cached.GetRowCursor(cached.Schema))
        {
            while (cursor.MoveNext())
            {
            }
        }

        return cached;
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
