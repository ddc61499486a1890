using AdaHessian.Data;
using Microsoft.ML;

namespace AdaHessian.Datasets;

/// <summary>
/// One labelled matrix of float rows, dense (row-major) or CSR, with its raw arrays in reach (benchmarks size and
/// walk them), that can be handed to the core as a <see cref="LogisticDataset"/> and to ML.NET as an
/// <see cref="IDataView"/> holding the same values.
/// </summary>
public sealed class LabelledMatrix
{
    private LabelledMatrix(int rows, int columns, float[] values, int[]? rowStarts, int[]? indices, float[] labels)
    {
        Rows = rows;
        Columns = columns;
        Values = values;
        RowStarts = rowStarts;
        Indices = indices;
        Labels = labels;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; }

    /// <summary>Row-major values (dense) or the stored non-zeros (CSR).</summary>
    public float[] Values { get; }

    /// <summary>CSR row starts (Rows + 1 entries); null when dense.</summary>
    public int[]? RowStarts { get; }

    /// <summary>CSR column index of each stored value; null when dense.</summary>
    public int[]? Indices { get; }

    /// <summary>Labels 0 or 1.</summary>
    public float[] Labels { get; }

    /// <summary>True for CSR.</summary>
    public bool IsSparse => RowStarts is not null;

    /// <summary>Bytes of the features as float: values (+ column indices and row starts for CSR).</summary>
    public long FeatureBytes => Values.LongLength * 4 + (Indices?.LongLength ?? 0) * 4 + (RowStarts?.LongLength ?? 0) * 4;

    /// <summary>A dense matrix over the given arrays (not copied).</summary>
    public static LabelledMatrix Dense(int rows, int columns, float[] values, float[] labels) =>
        new(rows, columns, values, null, null, labels);

    /// <summary>A CSR matrix over the given arrays (not copied).</summary>
    public static LabelledMatrix Sparse(int rows, int columns, int[] rowStarts, int[] indices, float[] values, float[] labels) =>
        new(rows, columns, values, rowStarts, indices, labels);

    /// <summary>A dense matrix holding the values and labels of an unweighted <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The dataset is sparse or weighted.</exception>
    public static LabelledMatrix FromDenseDataset(LogisticDataset data)
    {
        if (data.Features.IsSparse || data.Weights is not null)
        {
            throw new ArgumentException("Needs dense, unweighted data.", nameof(data));
        }

        return Dense(data.RowCount, data.FeatureCount, data.Features.ToDenseArray(), data.Labels);
    }

    /// <summary>The same rows for the core.</summary>
    public LogisticDataset ToDataset() => new(
        IsSparse
            ? FeatureMatrix.Sparse(Rows, Columns, RowStarts!, Indices!, Values)
            : FeatureMatrix.Dense(Rows, Columns, Values),
        Labels);

    /// <summary>Rows as ML.NET sees them: Label (Boolean) and Features (known-size Single vector, dense or sparse).</summary>
    public IDataView ToDataView(MLContext ml) => DataViews.FromDataset(ml, ToDataset());
}
