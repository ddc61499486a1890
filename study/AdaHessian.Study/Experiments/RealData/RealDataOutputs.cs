using System.Globalization;
using AdaHessian.Datasets;
using AdaHessian.Study.Figures;
using AdaHessian.Study.Output;
using ScottPlot;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>Writes the real-data experiment's CSV tables and figure.</summary>
internal static class RealDataOutputs
{
    /// <summary>real-data-metrics.csv (every trainer on both tasks) and real-data-test-loss.csv (the per-epoch curves).</summary>
    public static void WriteTables(StudyContext context, RealDataOutcome o)
    {
        var metrics = new CsvTable("task", "trainer", "accuracy", "auc_or_macro_accuracy", "log_loss");
        string pair = $"{FashionMnist.ClassNames[o.NegativeClass]} vs {FashionMnist.ClassNames[o.PositiveClass]}";
        foreach (BinaryFit fit in o.Binary)
        {
            metrics.Add(pair, fit.Metrics.Trainer.Key, fit.Metrics.Accuracy, fit.Metrics.AucOrMacroAccuracy, fit.Metrics.LogLoss);
        }

        foreach (TrainerMetrics m in o.Multiclass)
        {
            metrics.Add("ten classes (one-versus-all)", m.Trainer.Key, m.Accuracy, m.AucOrMacroAccuracy, m.LogLoss);
        }

        metrics.Save(context.DataPath("real-data-metrics.csv"));
        var losses = new CsvTable("optimizer", "epoch", "test_log_loss");
        foreach (EpochCurve curve in o.Curves)
        {
            for (int e = 0; e < curve.TestLogLoss.Length; e++)
            {
                losses.Add(curve.Trainer.Key, e + 1, curve.TestLogLoss[e]);
            }
        }

        losses.Save(context.DataPath("real-data-test-loss.csv"));
    }

    /// <summary>Test log-loss per epoch of the optimizer trainers, with the other trainers' final test log-loss as levels.</summary>
    public static void WriteFigure(StudyContext context, RealDataOutcome o)
    {
        Color[] colors = [Color.FromHex("#1a1a1a"), Color.FromHex("#d62728"), Color.FromHex("#1f77b4"), Color.FromHex("#2ca02c")];
        Color ColorOf(RealDataTrainer t) => colors[RealDataTrainer.All.ToList().IndexOf(t)];
        var curves = o.Curves.Select(c => new TestLossFigure.Series(c.Trainer.Label, ColorOf(c.Trainer), c.TestLogLoss)).ToArray();
        var levels = o.Binary.Where(f => !f.Metrics.Trainer.IsOptimizer)
            .Select(f => new TestLossFigure.Series($"{f.Metrics.Trainer.Label}, final model: {Numbers.Format(f.Metrics.LogLoss, 4)}",
                ColorOf(f.Metrics.Trainer), [f.Metrics.LogLoss]))
            .ToArray();
        Plot plot = TestLossFigure.Create(
            $"Fashion-MNIST {FashionMnist.ClassNames[o.NegativeClass]} vs {FashionMnist.ClassNames[o.PositiveClass]}: test log-loss per epoch",
            $"epoch (pass over the {o.BinaryTrainRows.ToString("N0", CultureInfo.InvariantCulture)} training images)", curves, levels);
        FigureWriter.Save(plot, context.FigurePath(RealDataReport.FigureName), 900, 600);
    }
}
