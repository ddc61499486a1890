using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet.Tests.Multiclass;

/// <summary>
/// A seeded three-class problem with string labels: overlapping Gaussian blobs in four dimensions, so that the
/// probabilities are not saturated; and what the tests compute from a fitted model's weights on their own.
/// </summary>
internal static class ThreeClassData
{
    public const int FeatureCount = 4;

    public static readonly string[] Names = ["cat", "dog", "emu"];

    private static readonly float[][] Centres = [[1.2f, 0, 0.4f, 0], [0, 1.2f, 0, -0.4f], [-0.8f, -0.8f, 0.6f, 0.5f]];

    public sealed class Row
    {
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }

    public sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }

    public static Row[] Rows(int count, int seed, string[]? names = null)
    {
        names ??= Names;
        var random = new Random(seed);
        var rows = new Row[count];
        for (int i = 0; i < count; i++)
        {
            int k = i % names.Length;
            var x = new float[FeatureCount];
            for (int j = 0; j < FeatureCount; j++)
            {
                // Box–Muller: a standard normal from two uniforms.
                double g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                x[j] = Centres[k % Centres.Length][j] + (float)g;
            }

            rows[i] = new Row { Features = x, Label = names[k] };
        }

        return rows;
    }

    public static IDataView View(MLContext ml, Row[] rows) => ml.Data.LoadFromEnumerable(rows);

    /// <summary>MapValueToKey on Label, with the key's values in <see cref="Names"/> order.</summary>
    public static IEstimator<ITransformer> ToKey(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", keyData: ml.Data.LoadFromEnumerable(Names.Select(n => new { Label = n })));

    /// <summary>The model's weights (class-major) and biases.</summary>
    public static (double[][] W, double[] B) Parameters(MaximumEntropyModelParameters model)
    {
        VBuffer<float>[] weights = null!;
        model.GetWeights(ref weights, out int classes);
        var w = new double[classes][];
        for (int k = 0; k < classes; k++)
        {
            var dense = new float[weights[k].Length];
            weights[k].CopyTo(dense);
            w[k] = [.. dense.Select(v => (double)v)];
        }

        return (w, [.. model.GetBiases().Select(v => (double)v)]);
    }

    /// <summary>softmax(W x + b), in double.</summary>
    public static double[] Softmax(double[][] w, double[] b, float[] x)
    {
        var z = new double[b.Length];
        for (int k = 0; k < z.Length; k++)
        {
            z[k] = b[k];
            for (int j = 0; j < x.Length; j++)
            {
                z[k] += w[k][j] * x[j];
            }
        }

        double max = z.Max();
        double sum = z.Sum(v => Math.Exp(v - max));
        return [.. z.Select(v => Math.Exp(v - max) / sum)];
    }

    /// <summary>(Σᵢ −ln pᵢ,yᵢ + (λ/2) Σₖ ‖wₖ‖²) / n, the objective both trainers and LbfgsMaximumEntropy minimize.</summary>
    public static double Objective(MaximumEntropyModelParameters model, Row[] rows, double l2)
    {
        (double[][] w, double[] b) = Parameters(model);
        double loss = rows.Sum(r => -Math.Log(Softmax(w, b, r.Features)[Array.IndexOf(Names, r.Label)]));
        double penalty = w.Sum(wk => wk.Sum(v => v * v));
        return (loss + l2 / 2 * penalty) / rows.Length;
    }
}
