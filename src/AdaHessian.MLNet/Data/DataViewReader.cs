using AdaHessian.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// Reads the training columns of an <see cref="IDataView"/> once, through the public cursor API, into a compact
/// <see cref="LogisticDataset"/> (dense rows stay dense, sparse rows become CSR). Rows with a non-finite feature or
/// weight, or a negative weight, are skipped and counted, as ML.NET's own trainers do.
/// </summary>
internal static class DataViewReader
{
    /// <summary>Reads <paramref name="data"/>.</summary>
    /// <param name="data">The training data.</param>
    /// <param name="columns">The checked columns of <paramref name="data"/>.</param>
    public static Result Read(IDataView data, TrainingColumns columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columns);
        var active = new List<DataViewSchema.Column> { columns.Features, columns.Label };
        if (columns.Weight is { } w)
        {
            active.Add(w);
        }

        int featureCount = ((VectorDataViewType)columns.Features.Type).Size;
        long capacity = data.GetRowCount() ?? 1024;
        var features = new FeatureMatrixBuilder(featureCount, capacity);
        var labels = new ArrayBuilder<float>(capacity);
        var weights = columns.Weight is null ? null : new ArrayBuilder<float>(capacity);
        long rows = 0, skipped = 0;
        double totalWeight = 0;

        using (var cursor = data.GetRowCursor(active))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(columns.Features);
            var getLabel = cursor.GetGetter<bool>(columns.Label);
            var getWeight = columns.Weight is { } wc ? cursor.GetGetter<float>(wc) : null;
            VBuffer<float> x = default;
            bool y = false;
            float omega = 1f;
            while (cursor.MoveNext())
            {
                rows++;
                getFeatures(ref x);
                getLabel(ref y);
                getWeight?.Invoke(ref omega);
                if (!(omega >= 0 && float.IsFinite(omega)) || !AllFinite(x.GetValues()))
                {
                    skipped++;
                    continue;
                }

                features.Add(x);
                labels.Add(y ? 1f : 0f);
                weights?.Add(omega);
                totalWeight += omega;
            }
        }

        LogisticDataset? dataset = features.RowCount > 0 && totalWeight > 0
            ? new LogisticDataset(features.Build(), labels.ToArray(), weights?.ToArray())
            : null;
        return new Result(dataset, rows, skipped, features.RowCount);
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What <see cref="Read"/> found.</summary>
    /// <param name="Dataset">The usable rows, or null when there are none (or their total weight is 0).</param>
    /// <param name="RowCount">Rows the cursor returned.</param>
    /// <param name="SkippedCount">Rows skipped for a non-finite feature or weight, or a negative weight.</param>
    /// <param name="KeptCount">Rows kept.</param>
    internal sealed record Result(LogisticDataset? Dataset, long RowCount, long SkippedCount, int KeptCount);
}
