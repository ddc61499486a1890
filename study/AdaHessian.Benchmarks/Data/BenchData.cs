using AdaHessian.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Benchmarks.Data;

/// <summary>
/// One labelled matrix of float rows, dense (row-major) or CSR, that can be handed to the core as a
/// <see cref="LogisticDataset"/> and to ML.NET as an <see cref="IDataView"/> holding the same values.
/// </summary>
internal sealed class BenchData
{
    private BenchData(int rows, int columns, float[] values, int[]? rowStarts, int[]? indices, float[] labels)
    {
        Rows = rows;
        Columns = columns;
        Values = values;
        RowStarts = rowStarts;
        Indices = indices;
        Labels = labels;
    }

    public int Rows { get; }

    public int Columns { get; }

    public float[] Values { get; }

    public int[]? RowStarts { get; }

    public int[]? Indices { get; }

    public float[] Labels { get; }

    public bool IsSparse => RowStarts is not null;

    /// <summary>Bytes of the features as float: values (+ column indices and row starts for CSR).</summary>
    public long FeatureBytes => Values.LongLength * 4 + (Indices?.LongLength ?? 0) * 4 + (RowStarts?.LongLength ?? 0) * 4;

    public static BenchData Dense(int rows, int columns, float[] values, float[] labels) =>
        new(rows, columns, values, null, null, labels);

    public static BenchData Sparse(int rows, int columns, int[] rowStarts, int[] indices, float[] values, float[] labels) =>
        new(rows, columns, values, rowStarts, indices, labels);

    public LogisticDataset ToDataset() => new(
        IsSparse
            ? FeatureMatrix.Sparse(Rows, Columns, RowStarts!, Indices!, Values)
            : FeatureMatrix.Dense(Rows, Columns, Values),
        Labels);

    /// <summary>Rows as ML.NET sees them: Label (Boolean) and Features (known-size Single vector, dense or sparse).</summary>
    public IDataView ToDataView(MLContext ml)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Columns);
        return ml.Data.LoadFromEnumerable(Enumerate(), schema);
    }

    private IEnumerable<Row> Enumerate()
    {
        for (int i = 0; i < Rows; i++)
        {
            VBuffer<float> features;
            if (IsSparse)
            {
                int start = RowStarts![i], length = RowStarts[i + 1] - start;
                features = new VBuffer<float>(Columns, length, Values.AsSpan(start, length).ToArray(),
                    Indices.AsSpan(start, length).ToArray());
            }
            else
            {
                features = new VBuffer<float>(Columns, Values.AsSpan(i * Columns, Columns).ToArray());
            }

            yield return new Row { Label = Labels[i] > 0.5f, Features = features };
        }
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
