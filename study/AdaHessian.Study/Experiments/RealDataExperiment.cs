using System.Diagnostics;
using System.Text.Json.Nodes;
using AdaHessian.Data;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using AdaHessian.Study.Experiments.RealData;

namespace AdaHessian.Study.Experiments;

/// <summary>
/// Fashion-MNIST through ML.NET: AdaHessianTrainer, AdamTrainer, LbfgsLogisticRegression and SdcaLogisticRegression
/// with one shared objective, on (1) the binary pair of the parity tests and (2) all ten classes with OneVersusAll.
/// Test accuracy, AUC or macro accuracy and log-loss come from ML.NET's evaluators; the per-epoch test log-loss of
/// the two optimizer trainers comes from the parameters their fits report after every epoch. Skipped, with a
/// report line saying how to install the data, when Fashion-MNIST is missing.
/// </summary>
internal sealed class RealDataExperiment : IExperiment
{
    /// <summary>Pullover (negative) versus Coat (positive), the pair of the ML.NET parity tests.</summary>
    public const int NegativeClass = 2, PositiveClass = 4;

    /// <summary>
    /// At most this many training images for the ten-class task: OneVersusAll fits eleven binary models (ML.NET 5.0.1
    /// fits the first class twice) per trainer, and on all 60,000 images the four trainers take several minutes.
    /// </summary>
    public const int MulticlassTrainRowCap = 20_000;

    /// <summary>
    /// The largest relative difference allowed between the last epoch's test log-loss (double, from the reported
    /// parameters) and ML.NET's evaluator (Single scores and probabilities) for the same model.
    /// </summary>
    public const double MaxScoringDifference = 1e-6;

    public string Name => "real-data";

    public ExperimentResult Run(StudyContext context)
    {
        if (context.FashionMnistDirectory is not { } directory)
        {
            context.Progress.Start(Name, 1);
            context.Progress.Message("Fashion-MNIST not found; skipped.");
            context.Progress.Advance();
            return new ExperimentResult(new JsonObject { ["skipped"] = true },
                $"## Real data: Fashion-MNIST through ML.NET\n\nSkipped: Fashion-MNIST was not found. {FashionMnistLocation.HowToInstall}\n",
                []);
        }

        StudyProfile profile = context.Profile;
        int epochs = profile.FashionEpochs;
        var timings = new List<TimingRow>();
        var clock = Stopwatch.StartNew();
        context.Progress.Start(Name, 2 * RealDataTrainer.All.Count + RealDataTrainer.All.Count(t => t.IsOptimizer) + 2);

        FashionMnist train = FashionMnist.LoadTrain(directory), test = FashionMnist.LoadTest(directory);
        timings.Add(new TimingRow(Name, "read Fashion-MNIST", clock.Elapsed.TotalMilliseconds));
        context.Progress.Advance();

        LogisticDataset pairTrain = train.BinaryDataset(NegativeClass, PositiveClass, profile.FashionTrainRows);
        LogisticDataset pairTest = test.BinaryDataset(NegativeClass, PositiveClass, profile.FashionTestRows);
        var binary = new List<BinaryFit>();
        foreach (RealDataTrainer trainer in RealDataTrainer.All)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            BinaryFit fit = RealDataFits.Binary(trainer, pairTrain, pairTest, epochs);
            binary.Add(fit);
            timings.Add(new TimingRow(Name, $"binary, {trainer.Label}: fit on {pairTrain.RowCount} images", fit.Metrics.FitMilliseconds));
            context.Progress.Advance();
        }

        var curves = new List<EpochCurve>();
        var testObjective = new LogisticObjective(pairTest, LossKind.LogLoss);
        foreach (BinaryFit fit in binary.Where(f => f.Metrics.Trainer.IsOptimizer))
        {
            RealDataTrainer trainer = fit.Metrics.Trainer;
            long start = Stopwatch.GetTimestamp();
            double[] losses = fit.EpochParameters.Select(p => testObjective.Value(testObjective.AllRows, p)).ToArray();
            if (Math.Abs(losses[^1] - fit.Metrics.LogLoss) > MaxScoringDifference * fit.Metrics.LogLoss)
            {
                throw new InvalidOperationException($"{trainer.Label}: the per-epoch test log-loss ends at {losses[^1]:G9} nats, " +
                    $"ML.NET's evaluator gives {fit.Metrics.LogLoss:G9}; the two formulas disagree.");
            }

            curves.Add(new EpochCurve(trainer, losses));
            timings.Add(new TimingRow(Name, $"binary, {trainer.Label}: per-epoch scoring", Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            context.Progress.Advance();
        }

        int multiclassRows = Math.Min(Math.Min(profile.FashionTrainRows ?? int.MaxValue, MulticlassTrainRowCap), train.Rows);
        int multiclassTest = Math.Min(profile.FashionTestRows ?? int.MaxValue, test.Rows);
        var multiclass = new List<TrainerMetrics>();
        foreach (RealDataTrainer trainer in RealDataTrainer.All)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            TrainerMetrics metrics = RealDataFits.Multiclass(trainer, ml => RealDataSets.AllClasses(ml, train, multiclassRows),
                ml => RealDataSets.AllClasses(ml, test, multiclassTest), epochs);
            multiclass.Add(metrics);
            timings.Add(new TimingRow(Name, $"ten classes, OneVersusAll({trainer.Label}): fit on {multiclassRows} images", metrics.FitMilliseconds));
            context.Progress.Advance();
        }

        var outcome = new RealDataOutcome(profile.FashionTrainRows, profile.FashionTestRows, epochs, NegativeClass, PositiveClass, pairTrain.RowCount, pairTest.RowCount, binary, curves,
            multiclassRows, multiclassTest, MulticlassTrainRowCap, multiclass);
        RealDataOutputs.WriteTables(context, outcome);
        RealDataOutputs.WriteFigure(context, outcome);
        context.Progress.Advance();
        timings.Add(new TimingRow(Name, "total", clock.Elapsed.TotalMilliseconds));
        JsonObject summary = RealDataReport.Summary(outcome);
        return new ExperimentResult(summary, RealDataReport.Markdown(summary), timings);
    }
}
