using AdaHessian.Data;

namespace AdaHessian.Suite.Data;

/// <summary>Copies chosen rows of a dataset into a new one, sparse rows kept sparse.</summary>
internal static class DatasetRows
{
    /// <summary>Rows <paramref name="rows"/> of <paramref name="data"/>, in that order (example weights are not carried over).</summary>
    public static LogisticDataset Select(LogisticDataset data, IReadOnlyList<int> rows)
    {
        var features = data.Features;
        var labels = new float[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            labels[i] = data.Labels[rows[i]];
        }

        if (!features.IsSparse)
        {
            int columns = features.ColumnCount;
            var values = new float[(long)rows.Count * columns];
            for (int i = 0; i < rows.Count; i++)
            {
                features.Row(rows[i]).Values.CopyTo(values.AsSpan(i * columns, columns));
            }

            return new LogisticDataset(FeatureMatrix.Dense(rows.Count, columns, values), labels);
        }

        var starts = new int[rows.Count + 1];
        for (int i = 0; i < rows.Count; i++)
        {
            starts[i + 1] = starts[i] + features.Row(rows[i]).Values.Length;
        }

        var sparseValues = new float[starts[^1]];
        var indices = new int[starts[^1]];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = features.Row(rows[i]);
            row.Values.CopyTo(sparseValues.AsSpan(starts[i]));
            row.Indices.CopyTo(indices.AsSpan(starts[i]));
        }

        return new LogisticDataset(FeatureMatrix.Sparse(rows.Count, features.ColumnCount, starts, indices, sparseValues), labels);
    }
}
