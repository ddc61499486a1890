using System.Diagnostics;
using AdaHessian.Datasets;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Multiclass;

/// <summary>
/// Fashion-MNIST, all ten classes: every trainer fitted once on the training images (pixels / 255) in its own
/// <c>MLContext(seed: 0)</c>, scored on the 10,000 test images; then the reference fit for F*.
/// </summary>
internal static class MulticlassRun
{
    /// <summary>Runs <paramref name="trainers"/> and the reference on the first <paramref name="rows"/> training images.</summary>
    public static MulticlassResult Run(string fashionMnist, int rows, IReadOnlyList<MulticlassTrainer> trainers, TextWriter log)
    {
        var train = FashionMnist.LoadTrain(fashionMnist);
        var test = FashionMnist.LoadTest(fashionMnist);
        LabelledRows trainRows = LabelledRows.From(train, rows), testRows = LabelledRows.From(test, test.Rows);
        var outcomes = new List<MulticlassOutcome>();
        foreach (MulticlassTrainer trainer in trainers)
        {
            outcomes.Add(Fit(trainer, train, test, trainRows, testRows));
            MulticlassOutcome last = outcomes[^1];
            log.WriteLine($"  {last.Trainer}: {last.Seconds:F1} s, accuracy {last.Accuracy:F4}, log-loss {last.LogLoss:F4}, F {last.Objective:G8}, {last.EpochLogLoss.Count} epochs{(last.Error is null ? "" : " — " + last.Error)}");
        }

        MulticlassOutcome reference = Fit(ReferenceFit.Trainer, train, test, trainRows, testRows, keepModel: true);
        if (reference.Error is not null || reference.Model is null)
        {
            throw new InvalidOperationException($"The reference fit failed: {reference.Error}");
        }

        double gradient = ReferenceGradient.Norm(trainRows, reference.Model, MulticlassTrainer.L2);
        log.WriteLine($"  reference: {reference.Seconds:F1} s, F {reference.Objective:G10}, ‖∇F‖ {gradient:G3}");
        return new MulticlassResult(outcomes, reference.Objective, reference.Seconds, gradient);
    }

    private static MulticlassOutcome Fit(MulticlassTrainer trainer, FashionMnist train, FashionMnist test, LabelledRows trainRows,
        LabelledRows testRows, bool keepModel = false)
    {
        var ml = new MLContext(seed: 0);
        var trainView = ml.Data.Cache(View(ml, train, trainRows.Count));
        var testView = View(ml, test, test.Rows);
        var key = ml.Transforms.Conversion.MapValueToKey("Label");
        var clock = Stopwatch.StartNew();
        var recorder = new EpochRecorder();
        try
        {
            TransformerChain<ITransformer> model = key.Append(trainer.Create(ml, recorder)).Fit(trainView);
            double seconds = clock.Elapsed.TotalSeconds;
            var metrics = ml.MulticlassClassification.Evaluate(model.Transform(testView));
            int[] labelOfKey = LabelOfKey(model.GetOutputSchema(trainView.Schema)["Label"]);
            int d = train.PixelsPerImage;
            SoftmaxModel? softmax = trainer.FitsComparedObjective || keepModel
                ? SoftmaxModel.From(((MulticlassPredictionTransformer<MaximumEntropyModelParameters>)model.LastTransformer).Model, labelOfKey)
                : null;
            return new MulticlassOutcome(trainer.Name, seconds, metrics.MicroAccuracy, metrics.MacroAccuracy, metrics.LogLoss)
            {
                Objective = softmax is null ? double.NaN : SoftmaxMetrics.Objective(trainRows, softmax, MulticlassTrainer.L2),
                EpochLogLoss = [.. recorder.Parameters.Select(theta => SoftmaxMetrics.LogLoss(testRows, SoftmaxModel.FromBlocks(theta, d, labelOfKey)))],
                EpochSeconds = recorder.Seconds,
                EpochObjective = trainer.FitsComparedObjective ? recorder.Objectives : [],
                Confusion = trainer.Name == MulticlassTrainer.AdaHessianDefaults ? new ClassConfusion(metrics.ConfusionMatrix, labelOfKey) : null,
                Model = keepModel ? softmax : null,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new MulticlassOutcome(trainer.Name, clock.Elapsed.TotalSeconds, double.NaN, double.NaN, double.NaN, $"{e.GetType().Name}: {e.Message}");
        }
    }

    // MapValueToKey numbers the labels in order of appearance, so key k is not label k.
    private static int[] LabelOfKey(DataViewSchema.Column label)
    {
        VBuffer<float> values = default;
        label.Annotations.GetValue("KeyValues", ref values);
        return [.. values.DenseValues().Select(v => (int)v)];
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
