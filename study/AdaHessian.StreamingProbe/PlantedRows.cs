using MathNet.Numerics.Random;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.StreamingProbe;

/// <summary>
/// Seeded planted-model rows, written in ML.NET's binary format without holding them: features uniform in [0, 1],
/// labels drawn from σ(w*·(x − ½)) with w*ⱼ = ±3(1 − j/d). The generator is lazy and the binary saver reads its cursor
/// a block at a time, so a file of any size is written in bounded memory. Written to a temporary file, then moved.
/// </summary>
internal static class PlantedRows
{
    public static void Write(string path, long rows, int features, int seed)
    {
        var ml = new MLContext(seed);
        IDataView view = View(ml, rows, features, seed);
        string partial = path + ".partial";
        using (var stream = File.Create(partial))
        {
            ml.Data.SaveAsBinary(view, stream);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The rows as a data view that generates them again on every cursor: any number of rows in O(1) memory.</summary>
    public static IDataView View(MLContext ml, long rows, int features, int seed)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return ml.Data.LoadFromEnumerable(Generate(rows, features, seed), schema);
    }

    private static IEnumerable<Row> Generate(long rows, int features, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var w = new double[features];
        for (int j = 0; j < features; j++)
        {
            w[j] = (j % 2 == 0 ? 3 : -3) * (1 - (double)j / features);
        }

        var row = new Row { Features = new float[features] };
        for (long i = 0; i < rows; i++)
        {
            double z = 0;
            for (int j = 0; j < features; j++)
            {
                row.Features[j] = (float)random.NextDouble();
                z += w[j] * (row.Features[j] - 0.5);
            }

            row.Label = random.NextDouble() < 1 / (1 + Math.Exp(-z));
            yield return row;
        }
    }

    /// <summary>
    /// Wide sparse rows, generated again on every cursor: about <paramref name="nonZeros"/> random columns a row, half
    /// of them among the first 1,000 (which carry the signal) and half among all <paramref name="width"/>, except row
    /// <paramref name="denseRow"/> (if any), which is dense — every value non-zero. Labels from σ of the row's values
    /// at even columns below 1,000 minus those at odd ones.
    /// </summary>
    public static IDataView SparseView(MLContext ml, int rows, int width, int nonZeros, int? denseRow, int seed)
    {
        var schema = SchemaDefinition.Create(typeof(SparseRow));
        schema[nameof(SparseRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(GenerateSparse(rows, width, nonZeros, denseRow ?? -1, seed), schema);
    }

    private const int SignalColumns = 1000;

    private static IEnumerable<SparseRow> GenerateSparse(int rows, int width, int nonZeros, int denseRow, int seed)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        for (int i = 0; i < rows; i++)
        {
            int[] columns = i == denseRow
                ? [.. Enumerable.Range(0, width)]
                : [.. Enumerable.Range(0, nonZeros).Select(k => random.Next(k % 2 == 0 ? Math.Min(SignalColumns, width) : width)).Distinct().Order()];
            var values = new float[columns.Length];
            double z = 0;
            for (int k = 0; k < columns.Length; k++)
            {
                values[k] = (float)(0.5 + random.NextDouble());
                z += columns[k] >= SignalColumns ? 0 : columns[k] % 2 == 0 ? 2 * values[k] : -2 * values[k];
            }

            yield return new SparseRow
            {
                Label = random.NextDouble() < 1 / (1 + Math.Exp(-z)),
                Features = i == denseRow ? new VBuffer<float>(width, values) : new VBuffer<float>(width, columns.Length, values, columns),
            };
        }
    }

    private sealed class SparseRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
