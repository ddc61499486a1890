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

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
