using AdaHessian.Datasets;
using AdaHessian.Study.Figures;
using ScottPlot;

namespace AdaHessian.Suite.Multiclass;

/// <summary>The comparison's two figures, PNG and SVG, in a folder: the per-epoch test log-loss and the confusion matrix.</summary>
internal static class MulticlassFigures
{
    /// <summary>File name (no extension) of the per-epoch test log-loss figure.</summary>
    public const string TestLoss = "multiclass-test-loss";

    /// <summary>File name (no extension) of the confusion-matrix figure.</summary>
    public const string Confusion = "multiclass-confusion";

    /// <summary>Writes the figures of <paramref name="result"/> into <paramref name="folder"/>; a figure without data is skipped.</summary>
    public static void Write(MulticlassResult result, string folder)
    {
        AdaHessian.Study.Fonts.EnsureAvailable();
        Directory.CreateDirectory(folder);
        var palette = new ScottPlot.Palettes.Category10();
        var curves = result.Outcomes.Where(o => o.EpochLogLoss.Count > 0)
            .Select((o, i) => new TestLossFigure.Series(o.Trainer, palette.GetColor(i), [.. o.EpochLogLoss])).ToList();
        var levels = result.Outcomes.Where(o => o.EpochLogLoss.Count == 0 && o.Error is null)
            .Select((o, i) => new TestLossFigure.Series(o.Trainer + " (final)", palette.GetColor(curves.Count + i), [o.LogLoss])).ToList();
        if (curves.Count > 0)
        {
            Plot plot = TestLossFigure.Create("Fashion-MNIST, ten classes: test log-loss after each epoch", "epoch", curves, levels);
            FigureWriter.Save(plot, Path.Combine(folder, TestLoss), 900, 560);
        }

        if (result.Outcomes.FirstOrDefault(o => o.Confusion is not null) is { Confusion: { } confusion } shown)
        {
            Plot plot = ConfusionMatrixFigure.Create($"{shown.Trainer}: test confusion matrix (% of each actual class)", confusion, FashionMnist.ClassNames);
            FigureWriter.Save(plot, Path.Combine(folder, Confusion), 820, 720);
        }
    }
}
