using AdaHessian.Study.Figures;
using AdaHessian.Study.Output;
using ScottPlot;

namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>Writes the accuracy experiment's CSV tables and figures.</summary>
internal static class CurvatureAccuracyOutputs
{
    /// <summary>The three figures: (θ, against the unaveraged diagonal?) in report order.</summary>
    public static readonly (string Point, bool Unaveraged)[] Figures = [("initial", false), ("trained", false), ("trained", true)];

    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    /// <summary>File name (without extension) of one figure.</summary>
    public static string FigureName(string point, bool unaveraged) =>
        unaveraged ? $"curvature-accuracy-unaveraged-{point}" : $"curvature-accuracy-{point}";

    /// <summary>curvature-accuracy.csv (every estimate), -summary.csv (quartiles) and -fits.csv (slopes).</summary>
    public static void WriteTables(StudyContext context, CurvatureAccuracyOutcome outcome)
    {
        var raw = new CsvTable("problem", "point", "samples", "block", "seed", "relative_error", "relative_error_unaveraged");
        var summary = new CsvTable("problem", "point", "block", "samples", "median", "q1", "q3",
            "median_unaveraged", "q1_unaveraged", "q3_unaveraged");
        var fits = new CsvTable("problem", "point", "block", "slope", "intercept", "averaging_bias", "offdiagonal_ratio");
        foreach (CurvatureCell c in outcome.Cells)
        {
            for (int k = 0; k < c.Blocks.Length; k++)
            {
                for (int i = 0; i < c.Samples.Length; i++)
                {
                    for (int r = 0; r < c.Repeats; r++)
                    {
                        raw.Add(c.Problem.Key, c.Point, c.Samples[i], c.Blocks[k], CurvatureMeasurement.ProbeSeed(r), c.Error[i, k, r],
                            c.ErrorUnaveraged[i, k, r]);
                    }

                    var (e, u) = (c.Stats(i, k, unaveraged: false), c.Stats(i, k, unaveraged: true));
                    summary.Add(c.Problem.Key, c.Point, c.Blocks[k], c.Samples[i], e.Median, e.Q1, e.Q3, u.Median, u.Q1, u.Q3);
                }

                (double intercept, double slope) = c.Fit(k);
                fits.Add(c.Problem.Key, c.Point, c.Blocks[k], slope, intercept, c.AveragingBias[k], c.OffDiagonalRatio);
            }
        }

        raw.Save(context.DataPath("curvature-accuracy.csv"));
        summary.Save(context.DataPath("curvature-accuracy-summary.csv"));
        fits.Save(context.DataPath("curvature-accuracy-fits.csv"));
    }

    /// <summary>Error against N at θ = 0 and at the trained θ, and the trained θ against the unaveraged diagonal.</summary>
    public static void WriteFigures(StudyContext context, CurvatureAccuracyOutcome outcome)
    {
        foreach ((string point, bool unaveraged) in Figures)
        {
            FigureWriter.Save(Figure(outcome, point, unaveraged), context.FigurePath(FigureName(point, unaveraged)), 1000, 560);
        }
    }

    private static Plot Figure(CurvatureAccuracyOutcome outcome, string point, bool unaveraged)
    {
        string[] keys = outcome.Problems.Select(p => p.Key).ToArray();
        var series = new List<EstimatorErrorFigure.Series>();
        foreach (CurvatureCell c in outcome.Cells.Where(c => c.Point == point))
        {
            Color color = new ScottPlot.Palettes.Category10().GetColor(Array.IndexOf(keys, c.Problem.Key));
            for (int k = 0; k < c.Blocks.Length; k++)
            {
                var q = c.Samples.Select((_, i) => c.Stats(i, k, unaveraged)).ToArray();
                series.Add(new($"{c.Problem.Label}, b={c.Blocks[k]}", color, Markers[k % Markers.Length],
                    [.. c.Samples.Select(n => (double)n)], [.. q.Select(s => s.Median)], [.. q.Select(s => s.Q1)],
                    [.. q.Select(s => s.Q3)]));
            }
        }

        // The guide starts at the geometric mean of the N = first medians, so it sits among the lines.
        double guide = Math.Exp(series.Average(s => Math.Log(s.Median[0] * Math.Sqrt(s.Samples[0]))));
        string where = point == "initial" ? "θ = 0" : $"θ after {CurvatureAccuracyExperiment.TrainingEpochs} epochs";
        string title = unaveraged ? $"Error against the unaveraged |diag H|, {where}" : $"Hutchinson diagonal error, {where}";
        string yLabel = unaveraged
            ? "relative error vs unaveraged |diag H| (median, IQR)"
            : "relative error vs exact, same b (median, IQR)";
        return EstimatorErrorFigure.Create(title, yLabel, series, guide);
    }
}
