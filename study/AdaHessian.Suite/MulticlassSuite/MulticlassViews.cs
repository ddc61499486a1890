using AdaHessian.Suite.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>
/// Multiclass rows as ML.NET views: Label (the class index as Single) and Features (a known-size vector of Single),
/// then the label mapped by <c>MapValueToKey</c> onto a key of every declared class in declared order, so key k is
/// class k and a class no row holds keeps its key.
/// </summary>
internal static class MulticlassViews
{
    /// <summary>The label column.</summary>
    public const string Label = "Label";

    /// <summary>The feature column.</summary>
    public const string Features = "Features";

    /// <summary>The rows as a view with a Single label (the class index), values copied once.</summary>
    public static IDataView Raw(MLContext ml, MulticlassRows rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, rows.FeatureCount);
        var list = Enumerable.Range(0, rows.Count).Select(i => new Row { Label = rows.Labels[i], Features = rows.Features[i] }).ToList();
        return ml.Data.LoadFromEnumerable(list, schema);
    }

    /// <summary>The rows with the label a key of all <see cref="MulticlassRows.Classes"/>, as the trainers want it.</summary>
    public static IDataView Keyed(MLContext ml, MulticlassRows rows)
    {
        IDataView raw = Raw(ml, rows);
        // keyData fixes the key to the declared classes, whichever of them these rows hold (a fold may lack one).
        IDataView classes = ml.Data.LoadFromEnumerable(Enumerable.Range(0, rows.Classes.Count).Select(k => new ClassValue { Label = k }).ToList());
        return ml.Transforms.Conversion.MapValueToKey(Label, keyData: classes).Fit(raw).Transform(raw);
    }

    /// <summary><paramref name="view"/> cached in memory and read once, so a timed fit reads the cache, not the pipeline.</summary>
    public static IDataView CachedAndPrimed(MLContext ml, IDataView view)
    {
        IDataView cached = ml.Data.Cache(view);
        DataViewSchema.Column label = cached.Schema[Label], features = cached.Schema[Features];
        using DataViewRowCursor cursor = cached.GetRowCursor([label, features]);
        ValueGetter<uint> getLabel = cursor.GetGetter<uint>(label);
        ValueGetter<VBuffer<float>> getFeatures = cursor.GetGetter<VBuffer<float>>(features);
        uint key = 0;
        VBuffer<float> x = default;
        while (cursor.MoveNext())
        {
            getLabel(ref key);
            getFeatures(ref x);
        }

        return cached;
    }

    /// <summary>The feature rows of <paramref name="view"/>'s Features column, dense, in row order.</summary>
    public static float[][] ReadFeatures(IDataView view)
    {
        DataViewSchema.Column column = view.Schema[Features];
        var rows = new List<float[]>();
        using DataViewRowCursor cursor = view.GetRowCursor([column]);
        ValueGetter<VBuffer<float>> get = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> x = default;
        while (cursor.MoveNext())
        {
            get(ref x);
            rows.Add([.. x.DenseValues()]);
        }

        return [.. rows];
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class ClassValue
    {
        public float Label { get; set; }
    }
}
