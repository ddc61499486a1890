using AdaHessian.Study.Figures;
using AdaHessian.Study.Figures.Surface3D;
using AdaHessian.Study.Output;
using ScottPlot;

namespace AdaHessian.Study.Experiments.SeedReplication;

/// <summary>Writes the seed replication's trajectory table and its loss, contour and surface figures.</summary>
internal static class SeedReplicationOutputs
{
    /// <summary>The figure kinds, in report order.</summary>
    public static readonly string[] FigureKinds = ["loss", "contour", "surface"];

    /// <summary>File name (without extension) of one figure.</summary>
    public static string FigureName(string kind, SeedSetting setting) => $"seed-replication-{kind}-{setting.Key}";

    /// <summary>seed-replication-trajectories.csv: (w, b, loss) of every run after every epoch.</summary>
    public static void WriteTrajectories(StudyContext context, SeedReplicationOutcome outcome)
    {
        var table = new CsvTable("setting", "optimizer", "learning_rate", "epoch", "w", "b", "loss");
        foreach (SeedSetting setting in outcome.Settings)
        {
            foreach (SeedRun run in setting.Ordered)
            {
                for (int epoch = 0; epoch < run.Loss.Length; epoch++)
                {
                    table.Add(setting.Key, run.Variant.Key, run.Rate, epoch, run.W[epoch], run.B[epoch], run.Loss[epoch]);
                }
            }
        }

        table.Save(context.DataPath("seed-replication-trajectories.csv"));
    }

    /// <summary>The three figures of each setting; progress advances once per figure.</summary>
    public static void WriteFigures(StudyContext context, SeedReplicationOutcome outcome)
    {
        foreach (SeedSetting setting in outcome.Settings)
        {
            Trajectory[] paths = setting.Ordered.Select(r => r.ToTrajectory()).ToArray();
            int[] plateaus = setting.Ordered.Select(r => SettledEpochs.Plateau(r.Loss)).ToArray();
            foreach (string kind in FigureKinds)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                (Plot plot, int width, int height) = kind switch
                {
                    "loss" => (LossCurveFigure.Create(setting.Title, paths, plateaus,
                        (StabilisationClaim.AdaHessianEpoch, StabilisationClaim.AdamEpoch)), 900, 600),
                    "contour" => (ContourFigure.Create(setting.Title, paths), 860, 720),
                    _ => (SurfaceFigure.Create(setting.Title, paths), 960, 760),
                };
                FigureWriter.Save(plot, context.FigurePath(FigureName(kind, setting)), width, height);
                context.Progress.Advance();
            }
        }
    }
}
