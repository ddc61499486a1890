using AdaHessian.Data;

namespace AdaHessian.Suite.Data;

/// <summary>Packs loader rows into a dense row-major dataset.</summary>
internal static class DenseRows
{
    /// <summary>The rows as a dense dataset; every row must have the same number of features.</summary>
    /// <exception cref="InvalidDataException">The rows differ in length, or there are none.</exception>
    public static LogisticDataset ToDataset(IReadOnlyList<LabelledRow> rows)
    {
        if (rows.Count == 0)
        {
            throw new InvalidDataException("No rows.");
        }

        int columns = rows[0].Features.Length;
        var values = new float[(long)rows.Count * columns];
        var labels = new float[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Features.Length != columns)
            {
                throw new InvalidDataException($"Row {i} has {rows[i].Features.Length} features, row 0 has {columns}.");
            }

            rows[i].Features.CopyTo(values, (long)i * columns);
            labels[i] = rows[i].Label ? 1f : 0f;
        }

        return new LogisticDataset(FeatureMatrix.Dense(rows.Count, columns, values), labels);
    }
}
