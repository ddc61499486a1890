using AdaHessian.Study.Figures;
using AdaHessian.Study.Output;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>Writes the sweep's CSV tables and figures.</summary>
internal static class SweepOutputs
{
    /// <summary>sweep-runs.csv (every run), sweep-cells.csv (every cell), sweep-best.csv and sweep-paired.csv.</summary>
    public static void WriteTables(StudyContext context, SweepAnalysis a)
    {
        var runs = new CsvTable("problem", "optimizer", "learning_rate", "seed", "initial_objective", "final_objective", "optimum",
            "suboptimality", "epochs_to_1pct", "diverged");
        var cells = new CsvTable("problem", "optimizer", "learning_rate", "suboptimality_q1", "suboptimality_median",
            "suboptimality_q3", "median_epochs_to_1pct", "reached", "diverged", "seeds");
        var best = new CsvTable("problem", "optimizer", "best_learning_rate", "suboptimality_q1", "suboptimality_median",
            "suboptimality_q3", "epochs_to_1pct_q1", "median_epochs_to_1pct", "epochs_to_1pct_q3", "reached", "diverged_at_best",
            "diverged_all_rates", "seeds");
        for (int p = 0; p < a.Problems.Count; p++)
        {
            for (int o = 0; o < a.Optimizers.Count; o++)
            {
                string problem = a.Problems[p].Key, optimizer = a.Optimizers[o].Key;
                for (int r = 0; r < a.Rates.Length; r++)
                {
                    for (int s = 0; s < a.Seeds.Length; s++)
                    {
                        SweepRun run = a.Runs[p, o, r, s];
                        SweepInstance instance = a.Instances[p, s];
                        runs.Add(problem, optimizer, a.Rates[r], a.Seeds[s], instance.InitialObjective, run.Final, instance.Optimum,
                            a.Suboptimality(p, o, r, s), (object?)run.EpochsToTarget ?? "", run.Diverged ? 1 : 0);
                    }

                    SweepCell c = a.Cells[p, o, r];
                    cells.Add(problem, optimizer, a.Rates[r], c.Q1, c.Median, c.Q3, Finite(c.MedianEpochs), c.Reached, c.Diverged,
                        a.Seeds.Length);
                }

                SweepCell b = a.BestCell(p, o);
                int divergedAll = Enumerable.Range(0, a.Rates.Length).Sum(r => a.Cells[p, o, r].Diverged);
                best.Add(problem, optimizer, a.Rates[a.Best[p, o]], b.Q1, b.Median, b.Q3, Finite(b.EpochsQ1), Finite(b.MedianEpochs),
                    Finite(b.EpochsQ3), b.Reached, b.Diverged, divergedAll, a.Seeds.Length);
            }
        }

        var paired = new CsvTable("problem", "optimizer", "baseline", "learning_rate", "baseline_learning_rate", "wins", "losses",
            "ties", "seeds", "wilcoxon_nonzero", "wilcoxon_w_plus", "wilcoxon_z", "wilcoxon_p", "sign_test_p");
        foreach (PairedComparison c in a.Paired)
        {
            paired.Add(c.Problem.Key, c.Optimizer.Key, a.Optimizers[0].Key, c.LearningRate, c.BaselineLearningRate, c.Wins, c.Losses,
                c.Ties, c.Count, c.Wilcoxon.NonZero, c.Wilcoxon.PositiveRankSum, c.Wilcoxon.Z, c.Wilcoxon.PValue, c.SignTestP);
        }

        runs.Save(context.DataPath("sweep-runs.csv"));
        cells.Save(context.DataPath("sweep-cells.csv"));
        best.Save(context.DataPath("sweep-best.csv"));
        paired.Save(context.DataPath("sweep-paired.csv"));
    }

    /// <summary>One sensitivity figure per problem, the epochs-to-target figure and the win-rate figure.</summary>
    public static SweepFigures WriteFigures(StudyContext context, SweepAnalysis a)
    {
        var sensitivity = new string[a.Problems.Count];
        for (int p = 0; p < a.Problems.Count; p++)
        {
            SweepProblem problem = a.Problems[p];
            SweepCell[][] cells = a.Optimizers.Select((_, o) => a.Rates.Select((_, r) => a.Cells[p, o, r]).ToArray()).ToArray();
            double ceiling = Ceiling(cells.SelectMany(row => row).SelectMany(c => new[] { c.Q1, c.Median, c.Q3 }));
            var series = a.Optimizers.Select((optimizer, o) => new QuartileSeries(optimizer.Label,
                LogAxis.Log10(cells[o].Select(c => c.Q1), SweepMetrics.Floor, ceiling),
                LogAxis.Log10(cells[o].Select(c => c.Median), SweepMetrics.Floor, ceiling),
                LogAxis.Log10(cells[o].Select(c => c.Q3), SweepMetrics.Floor, ceiling))).ToArray();
            string title = $"{(problem.IsToy ? "Toy neuron, random starts" : $"Logistic regression, {problem.Label}")}: median and IQR of {a.Seeds.Length} seeds";
            string name = $"sweep-sensitivity-{problem.Key}";
            FigureWriter.Save(SensitivityFigure.Create(title, problem.IsToy ? "squared error" : "log-loss, nats", a.Rates, series),
                context.FigurePath(name));
            sensitivity[p] = $"figures/{name}.png";
        }

        string[] labels = a.Problems.Select(p => p.IsToy ? "toy" : p.Label.Replace(' ', '\n')).ToArray();
        double notReached = a.Problems.Max(p => p.Epochs) * 2;
        var epochs = a.Optimizers.Select((optimizer, o) => new QuartileSeries(optimizer.Label,
            LogAxis.Log10(a.Problems.Select((_, p) => a.BestCell(p, o).EpochsQ1), 1, notReached),
            LogAxis.Log10(a.Problems.Select((_, p) => a.BestCell(p, o).MedianEpochs), 1, notReached),
            LogAxis.Log10(a.Problems.Select((_, p) => a.BestCell(p, o).EpochsQ3), 1, notReached))).ToArray();
        FigureWriter.Save(EpochsToTargetFigure.Create(labels, epochs, Math.Log10(notReached)), context.FigurePath("sweep-epochs-to-target"),
            1000, 560);

        var wins = a.Optimizers.Skip(1).Select((optimizer, i) => (optimizer.Label,
            a.Problems.Select((_, p) => a.PairedFor(p, i + 1)).Select(c => (double)c.Wins / c.Count).ToArray(),
            a.Problems.Select((_, p) => SweepReport.Stars(a.PairedFor(p, i + 1).Wilcoxon.PValue)).ToArray())).ToArray();
        FigureWriter.Save(WinRateFigure.Create(labels, wins), context.FigurePath("sweep-win-rate"), 1000, 560);
        return new SweepFigures(sensitivity, "figures/sweep-epochs-to-target.png", "figures/sweep-win-rate.png");
    }

    private static object Finite(double x) => double.IsFinite(x) ? x : "";

    // A decade above the largest finite value: where +∞ (diverged) quartiles are drawn.
    private static double Ceiling(IEnumerable<double> values)
    {
        double max = values.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(max, SweepMetrics.Floor))) + 1);
    }
}
