using System.Diagnostics;
using AdaHessian.Datasets;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Suite.Multiclass;

/// <summary>
/// Fashion-MNIST, all ten classes: every trainer fitted once on the training images (pixels / 255) in its own
/// <c>MLContext(seed: 0)</c>, scored on the 10,000 test images.
/// </summary>
internal static class MulticlassRun
{
    /// <summary>Runs <paramref name="trainers"/> on the first <paramref name="rows"/> training images.</summary>
    public static IReadOnlyList<MulticlassOutcome> Run(string fashionMnist, int rows, IReadOnlyList<MulticlassTrainer> trainers,
        TextWriter log)
    {
        var train = FashionMnist.LoadTrain(fashionMnist);
        var test = FashionMnist.LoadTest(fashionMnist);
        var outcomes = new List<MulticlassOutcome>();
        foreach (MulticlassTrainer trainer in trainers)
        {
            var ml = new MLContext(seed: 0);
            var trainView = ml.Data.Cache(View(ml, train, rows));
            var testView = View(ml, test, test.Rows);
            var key = ml.Transforms.Conversion.MapValueToKey("Label");
            var clock = Stopwatch.StartNew();
            try
            {
                ITransformer model = key.Append(trainer.Create(ml)).Fit(trainView);
                double seconds = clock.Elapsed.TotalSeconds;
                var metrics = ml.MulticlassClassification.Evaluate(model.Transform(testView));
                outcomes.Add(new MulticlassOutcome(trainer.Name, seconds, metrics.MicroAccuracy, metrics.MacroAccuracy, metrics.LogLoss));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                outcomes.Add(new MulticlassOutcome(trainer.Name, clock.Elapsed.TotalSeconds, double.NaN, double.NaN, double.NaN,
                    $"{e.GetType().Name}: {e.Message}"));
            }

            MulticlassOutcome last = outcomes[^1];
            log.WriteLine($"  {last.Trainer}: {last.Seconds:F1} s, accuracy {last.Accuracy:F4}, log-loss {last.LogLoss:F4}{(last.Error is null ? "" : " — " + last.Error)}");
        }

        return outcomes;
    }

    private static IDataView View(MLContext ml, FashionMnist images, int rows)
    {
        var schema = SchemaDefinition.Create(typeof(ImageRow));
        schema[nameof(ImageRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, images.PixelsPerImage);
        var list = Enumerable.Range(0, Math.Min(rows, images.Rows))
            .Select(i => new ImageRow { Label = images.Labels[i], Features = images.Scaled(i) });
        return ml.Data.LoadFromEnumerable(list, schema);
    }

    private sealed class ImageRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
