using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdaHessian.Datasets;
using AdaHessian.Study.Output;

namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>The accuracy experiment's summary.json entry and its report section, both generated from the outcome alone.</summary>
internal static class CurvatureAccuracyReport
{
    /// <summary>Deterministic numbers only (rounded to 6 significant digits).</summary>
    public static JsonObject Summary(CurvatureAccuracyOutcome o)
    {
        var json = new JsonObject
        {
            ["samples"] = new JsonArray([.. o.Samples.Select(n => JsonValue.Create(n))]),
            ["blocks"] = new JsonArray([.. o.Blocks.Select(b => JsonValue.Create(b))]),
            ["repeats"] = o.Repeats,
            ["fashion_mnist"] = o.FashionMnistIncluded ? "included" : "skipped: not found",
        };
        var byProblem = new JsonObject();
        foreach (CurvatureProblem problem in o.Problems)
        {
            var points = new JsonObject();
            foreach (CurvatureCell c in o.Cells.Where(c => c.Problem == problem))
            {
                var blocks = new JsonObject();
                for (int k = 0; k < c.Blocks.Length; k++)
                {
                    var e = c.Samples.Select((_, i) => c.Stats(i, k, false)).ToArray();
                    var u = c.Samples.Select((_, i) => c.Stats(i, k, true)).ToArray();
                    blocks[$"{c.Blocks[k]}"] = new JsonObject
                    {
                        ["median"] = JsonNumbers(e.Select(q => q.Median)),
                        ["q1"] = JsonNumbers(e.Select(q => q.Q1)),
                        ["q3"] = JsonNumbers(e.Select(q => q.Q3)),
                        ["slope"] = c.Samples.Length > 1 ? Numbers.Round(c.Fit(k).Slope) : null,
                        ["averaging_bias"] = Numbers.Round(c.AveragingBias[k]),
                        ["median_unaveraged"] = JsonNumbers(u.Select(q => q.Median)),
                    };
                }

                points[c.Point] = new JsonObject
                {
                    ["objective"] = Numbers.Round(c.Objective),
                    ["offdiagonal_ratio"] = Numbers.Round(c.OffDiagonalRatio),
                    ["blocks"] = blocks,
                };
            }

            byProblem[problem.Key] = new JsonObject
            {
                ["label"] = problem.Label,
                ["rows"] = problem.Data.RowCount,
                ["features"] = problem.Data.FeatureCount,
                ["points"] = points,
            };
        }

        json["problems"] = byProblem;
        return json;
    }

    /// <summary>The report section: method, one table row per (problem, θ, b), conclusions and the figures.</summary>
    public static string Markdown(CurvatureAccuracyOutcome o)
    {
        IReadOnlyList<int> n = o.Samples;
        int last = n.Count - 1;
        var text = new StringBuilder("## Curvature estimator accuracy\n\n")
            .Append("Relative error ‖D̂ − D‖₂ / ‖D‖₂ of Hutchinson's diagonal: D̂ is the estimator's output (|mean of N ")
            .Append("probes z ⊙ Hz|, averaged over blocks of b weights), D the exact |diag H| averaged over the same blocks. ")
            .Append($"Median and interquartile range over {o.Repeats} probe seeds; LogLoss, L2 = {CurvatureAccuracyExperiment.L2}; ")
            .Append($"θ = 0 and θ after {CurvatureAccuracyExperiment.TrainingEpochs} full-batch epochs of exact-diagonal AdaHessian ")
            .Append($"(η = {CurvatureAccuracyExperiment.TrainingRate}). ")
            .Append("The last column compares D̂ with the unaveraged |diag H| instead, so it includes the bias of averaging. ")
            .Append("c = ‖H − diag H‖_F / ‖diag H‖₂ makes c/√N the root-mean-square error of the signed estimate for b = 1 ")
            .Append("(taking |·| can only lower it). Objective at the trained points: ")
            .AppendJoin(", ", o.Cells.Where(c => c.Point == "trained").Select(c => $"{c.Problem.Label} {F(c.Objective)}"))
            .Append(" (ln 2 ≈ 0.693 at θ = 0).\n\n");
        if (!o.FashionMnistIncluded)
        {
            text.Append($"**Fashion-MNIST was not found, so its part was skipped.** {FashionMnistLocation.HowToInstall}\n\n");
        }

        text.Append($"| problem | θ | c | b | error N={n[0]} | error N={n[last]} | slope | bias of averaging | ")
            .Append($"vs unaveraged, N={n[last]} |\n|---|---|---:|---:|---|---|---:|---:|---:|\n");
        foreach (CurvatureCell c in o.Cells)
        {
            for (int k = 0; k < c.Blocks.Length; k++)
            {
                string slope = n.Count > 1 ? F(c.Fit(k).Slope) : "–";
                text.Append($"| {c.Problem.Label} | {c.Point} | {F(c.OffDiagonalRatio)} | {c.Blocks[k]} | {Range(c.Stats(0, k, false))} ")
                    .Append($"| {Range(c.Stats(last, k, false))} | {slope} | {F(c.AveragingBias[k])} | {F(c.Median(last, k, true))} |\n");
            }
        }

        text.Append('\n').Append(Conclusions(o.Cells, n)).Append('\n');
        foreach ((string point, bool unaveraged) in CurvatureAccuracyOutputs.Figures)
        {
            string name = CurvatureAccuracyOutputs.FigureName(point, unaveraged);
            text.Append($"![{name}](figures/{name}.png)\n\n");
        }

        return text.ToString();
    }

    private static string Conclusions(IReadOnlyList<CurvatureCell> cells, IReadOnlyList<int> n)
    {
        int last = n.Count - 1;
        var text = new StringBuilder();
        if (n.Count > 1)
        {
            var fits = cells.SelectMany(c => c.Blocks.Select((b, k) => (c, b, Slope: c.Fit(k).Slope))).OrderBy(s => s.Slope).ToArray();
            text.Append($"- Fitted slopes of log median error against log N lie between {F(fits[0].Slope)} ({fits[0].c.Problem.Label}, ")
                .Append($"{fits[0].c.Point}, b={fits[0].b}) and {F(fits[^1].Slope)} ({fits[^1].c.Problem.Label}, {fits[^1].c.Point}, ")
                .Append($"b={fits[^1].b}); Monte Carlo theory gives −0.5.\n");
        }

        CurvatureCell low = cells.MinBy(c => c.Median(0, 0, false))!, high = cells.MaxBy(c => c.Median(0, 0, false))!;
        text.Append($"- Without averaging, the median error at N={n[0]} ranges from {F(low.Median(0, 0, false))} ({low.Problem.Label}, ")
            .Append($"{low.Point}, c = {F(low.OffDiagonalRatio)}) to {F(high.Median(0, 0, false))} ({high.Problem.Label}, {high.Point}, ")
            .Append($"c = {F(high.OffDiagonalRatio)}): the off-diagonal mass of H sets the noise. At N={n[last]} the largest median ")
            .Append($"is {F(cells.Max(c => c.Median(last, 0, false)))}.\n");
        foreach (CurvatureCell c in cells.Where(c => c.Point == "initial" && n.Count > 1 && c.Median(0, 0, false) > 0.1))
        {
            (double intercept, double slope) = c.Fit(0);
            text.Append($"- {c.Problem.Label}, θ = 0, b=1: extrapolating the fit, a median error of 0.1 needs N ≈ ")
                .Append($"{RoundedCount(Math.Pow(10, (-1 - intercept) / slope))} probes.\n");
        }

        int m = cells[0].Blocks.Length - 1, b = cells[0].Blocks[m];
        foreach (CurvatureCell c in m > 0 ? cells.Where(c => c.Point == "initial") : [])
        {
            text.Append($"- {c.Problem.Label}, θ = 0: with b={b} the error against its own target is {F(c.Median(0, m, false))} at ")
                .Append($"N={n[0]} and {F(c.Median(last, m, false))} at N={n[last]} (b=1: {F(c.Median(0, 0, false))} and ")
                .Append($"{F(c.Median(last, 0, false))}). That target is {F(c.AveragingBias[m])} away from |diag H|, so against the ")
                .Append($"exact diagonal b={b} ends at {F(c.Median(last, m, true))} (b=1: {F(c.Median(last, 0, true))}).\n");
        }

        return text.ToString();
    }

    private static JsonArray JsonNumbers(IEnumerable<double> values) =>
        new([.. values.Select(v => JsonValue.Create(Numbers.Round(v)))]);

    private static string F(double x) => Numbers.Format(x, 3);

    private static string Range((double Q1, double Median, double Q3) q) => $"{F(q.Median)} ({F(q.Q1)}–{F(q.Q3)})";

    // A count rounded to two significant digits: 15338 → "15,000".
    private static string RoundedCount(double n)
    {
        double unit = n < 100 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(n)) - 1);
        return (Math.Round(n / unit) * unit).ToString("N0", CultureInfo.InvariantCulture);
    }
}
