using System.Diagnostics;
using AdaHessian.Data;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>
/// Fits one trainer through ML.NET on one task and evaluates it with ML.NET's evaluator. Every fit gets its own
/// <c>MLContext(seed: 0)</c>, so no fit depends on the random draws of an earlier one, and the training view is cached
/// (and filled) before the clock starts. A fit cannot be cancelled from outside (MLContext.CancelExecution is internal
/// in ML.NET 5.0.1), so the experiment checks for cancellation between fits.
/// </summary>
internal static class RealDataFits
{
    /// <summary>The MLContext seed of every fit.</summary>
    public const int Seed = 0;

    /// <summary>Fits <paramref name="trainer"/> on the binary pair and scores it on the test rows.</summary>
    public static BinaryFit Binary(RealDataTrainer trainer, LogisticDataset train, LogisticDataset test, int epochs)
    {
        var ml = new MLContext(seed: Seed);
        IDataView trainView = Cached(ml, RealDataSets.Binary(ml, train).View);
        var epochParameters = new EpochParameters();
        var clock = Stopwatch.StartNew();
        var model = trainer.Create(ml, train.RowCount, epochs, trainer.IsOptimizer ? epochParameters : null).Fit(trainView);
        double milliseconds = clock.Elapsed.TotalMilliseconds;

        CalibratedBinaryClassificationMetrics m = ml.BinaryClassification.Evaluate(model.Transform(RealDataSets.Binary(ml, test).View));
        double[] parameters = ModelParameters.Theta(model.Model.SubModel);
        // ML.NET's binary log-loss is −log₂ p (bits); × ln 2 gives nats, the unit of its multiclass log-loss.
        var metrics = new TrainerMetrics(trainer, m.Accuracy, m.AreaUnderRocCurve, m.LogLoss * Math.Log(2), milliseconds);
        var objective = new LogisticObjective(train, LossKind.LogLoss, RealDataTrainer.L2);
        return new BinaryFit(metrics, parameters, objective.Value(objective.AllRows, parameters), epochParameters.Epochs);
    }

    /// <summary>Fits OneVersusAll(<paramref name="trainer"/>) on the ten classes and scores it on the test rows.</summary>
    public static TrainerMetrics Multiclass(RealDataTrainer trainer, Func<MLContext, ImageData> train, Func<MLContext, ImageData> test,
        int epochs)
    {
        var ml = new MLContext(seed: Seed);
        ImageData trainData = train(ml), testData = test(ml);
        IDataView trainView = Cached(ml, trainData.View);
        var clock = Stopwatch.StartNew();
        var model = ml.MulticlassClassification.Trainers.OneVersusAll(trainer.Create(ml, trainData.Rows, epochs, null)).Fit(trainView);
        double milliseconds = clock.Elapsed.TotalMilliseconds;

        MulticlassClassificationMetrics m = ml.MulticlassClassification.Evaluate(model.Transform(testData.View));
        double scored = m.ConfusionMatrix.Counts.Sum(row => row.Sum());
        if (scored != testData.Rows)
        {
            throw new InvalidOperationException($"The evaluator scored {scored} of {testData.Rows} test images: the class keys are off.");
        }

        return new TrainerMetrics(trainer, m.MicroAccuracy, m.MacroAccuracy, m.LogLoss, milliseconds);
    }

    private static IDataView Cached(MLContext ml, IDataView view)
    {
        IDataView cached = ml.Data.Cache(view);
        using DataViewRowCursor cursor = cached.GetRowCursor(cached.Schema);
        while (cursor.MoveNext())
        {
        }

        return cached;
    }
}
