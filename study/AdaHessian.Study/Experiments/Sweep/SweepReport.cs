using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdaHessian.Study.Output;
using AdaHessian.Study.Statistics;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>The sweep's summary.json entry and its report section, both generated from the analysis alone.</summary>
internal static class SweepReport
{
    /// <summary>Deterministic numbers only (rounded to 6 significant digits; +∞ is written as null).</summary>
    public static JsonObject Summary(SweepAnalysis a)
    {
        var problems = new JsonObject();
        for (int p = 0; p < a.Problems.Count; p++)
        {
            SweepProblem problem = a.Problems[p];
            var optimizers = new JsonObject();
            for (int o = 0; o < a.Optimizers.Count; o++)
            {
                SweepCell c = a.BestCell(p, o);
                optimizers[a.Optimizers[o].Key] = new JsonObject
                {
                    ["best_learning_rate"] = Json(a.Rates[a.Best[p, o]]),
                    ["suboptimality"] = Quartiles(c.Q1, c.Median, c.Q3),
                    ["epochs_to_1pct"] = Quartiles(c.EpochsQ1, c.MedianEpochs, c.EpochsQ3),
                    ["reached"] = c.Reached,
                    ["diverged_at_best"] = c.Diverged,
                    ["diverged_all_rates"] = DivergedAllRates(a, p, o),
                };
            }

            problems[problem.Key] = new JsonObject
            {
                ["label"] = problem.Label,
                ["condition_number"] = Json(problem.ConditionNumber),
                ["rotated"] = problem.Rotated,
                ["epochs"] = problem.Epochs,
                ["optimum_median"] = Json(Median(a, p, i => i.Optimum)),
                ["hessian_condition_at_optimum_median"] = Json(Median(a, p, i => i.HessianCondition)),
                ["diagonally_scaled_condition_median"] = Json(Median(a, p, i => i.ScaledHessianCondition)),
                ["optimizers"] = optimizers,
            };
        }

        var paired = new JsonArray();
        foreach (PairedComparison c in a.Paired)
        {
            paired.Add(new JsonObject
            {
                ["problem"] = c.Problem.Key,
                ["optimizer"] = c.Optimizer.Key,
                ["baseline"] = a.Optimizers[0].Key,
                ["wins"] = c.Wins,
                ["losses"] = c.Losses,
                ["ties"] = c.Ties,
                ["n"] = c.Count,
                ["wilcoxon_p"] = Json(c.Wilcoxon.PValue),
                ["sign_test_p"] = Json(c.SignTestP),
            });
        }

        return new JsonObject
        {
            ["seeds"] = a.Seeds.Length,
            ["learning_rates"] = new JsonArray([.. a.Rates.Select(r => (JsonNode?)Json(r))]),
            ["target_fraction_of_initial_gap"] = SweepMetrics.TargetFraction,
            ["suboptimality_floor"] = SweepMetrics.Floor,
            ["quantiles"] = "R-7",
            ["problems"] = problems,
            ["paired"] = paired,
        };
    }

    /// <summary>The "## Seeded sweeps" section.</summary>
    public static string Markdown(SweepAnalysis a, SweepFigures figures)
    {
        var md = new StringBuilder("## Seeded sweeps\n\n");
        md.Append(Setup(a));
        md.Append(ConditionTable(a));
        md.Append(BestTable(a));
        md.Append(FigureSection(a, figures));
        md.Append(PairedTable(a));
        md.Append(SweepConclusions.Write(a));
        return md.ToString();
    }

    /// <summary>A p-value for tables: three significant digits, "&lt;0.001" below that.</summary>
    public static string FormatP(double p) => p < 0.001 ? "<0.001" : Num(p);

    /// <summary>"p = 0.0123" or "p &lt; 0.001", for prose.</summary>
    public static string PText(double p) => p < 0.001 ? "p < 0.001" : $"p = {Num(p)}";

    /// <summary>Significance stars: *** p &lt; 0.001, ** p &lt; 0.01, * p &lt; 0.05, else "ns".</summary>
    public static string Stars(double p) => p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "ns";

    /// <summary>A number for prose and tables: three significant digits (1.23e-05); +∞ as "∞".</summary>
    public static string Num(double x) => double.IsPositiveInfinity(x) ? "∞" : Numbers.Format(x, 3).Replace('E', 'e');

    /// <summary>A learning rate as written in tables.</summary>
    public static string Rate(double rate) => Numbers.Format(rate, 3);

    private static string Setup(SweepAnalysis a)
    {
        SweepProblem toy = a.Problems.First(p => p.IsToy);
        SweepProblem synthetic = a.Problems.First(p => !p.IsToy);
        SweepInstance data = a.Instances[a.Problems.ToList().IndexOf(synthetic), 0];
        string kappas = string.Join(", ", a.Problems.Where(p => !p.IsToy).Select(p => p.ConditionNumber).Distinct().Select(SweepProblem.KappaText));
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{a.Seeds.Length} seeds × {a.Rates.Length} learning rates (η = {Rate(a.Rates[0])} … {Rate(a.Rates[^1])}, log-spaced) × ")
            .Append(CultureInfo.InvariantCulture, $"{a.Optimizers.Count} optimizers × {a.Problems.Count} problems = {a.Runs.Length} full-batch runs. ")
            .Append(CultureInfo.InvariantCulture, $"**Toy neuron**: {toy.Epochs} epochs from a start drawn uniformly in [−6, 6]² by the seed; F* = 0 exactly. ")
            .Append(CultureInfo.InvariantCulture, $"**Synthetic logistic regression**: {data.Data.RowCount} rows × {data.Data.FeatureCount} features drawn by the seed, ")
            .Append(CultureInfo.InvariantCulture, $"κ ∈ {{{kappas}}}, axis-aligned or rotated, LogLoss with L2Regularization = {SweepProblem.L2:0.##}, ")
            .Append(CultureInfo.InvariantCulture, $"{synthetic.Epochs} epochs from θ = 0; F* of each draw from Newton's method with the exact Hessian. ")
            .Append("The seed also seeds the Hutchinson probes (one per step). Adam keeps PyTorch's defaults and AdaHessian the official ones ")
            .Append("(β = (0.9, 0.999), ε = 1e-4); only η, the Hessian power k and the curvature source vary.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Definitions. *Suboptimality* is the final F − F* (gaps ≤ {Num(SweepMetrics.Floor)} are rounding noise and count as 0). ")
            .Append("A run that throws `TrainingDivergedException` is a failure: suboptimality +∞, target not reached. ")
            .Append(CultureInfo.InvariantCulture, $"*Epochs to 1 %*: the first epoch with F − F* ≤ {Num(SweepMetrics.TargetFraction)}·(F₀ − F*), i.e. ")
            .Append(CultureInfo.InvariantCulture, $"{Num(100 * (1 - SweepMetrics.TargetFraction))} % of the starting gap closed — one definition ")
            .Append("for every problem (the toy's F* is 0, so a bound relative to F* would be meaningless there). ")
            .Append("*Best η*: the lowest median suboptimality across seeds, ties to the smaller η. ")
            .Append("Quartiles are R-7 (MathNet `QuantileDefinition.R7`; +∞ propagates). ")
            .Append("Paired tests compare each AdaHessian variant with Adam seed by seed, each at its own best η: two-sided Wilcoxon ")
            .Append("signed-rank (normal approximation with tie and continuity corrections, zero differences dropped) and the exact sign test.\n\n")
            .ToString();
    }

    // The Hessian's condition number at the optimum, before and after exact diagonal rescaling.
    private static string ConditionTable(SweepAnalysis a)
    {
        var md = new StringBuilder("The features' κ is not what the optimizers face. The table gives, as medians over seeds, the ")
            .Append("condition number of the Hessian H at the optimum (L2 adds λ/Ω to each weight's curvature) and cond(D^-½ H D^-½), ")
            .Append("D = diag H: what is left after rescaling each coordinate by its exact curvature, i.e. after the best a diagonal ")
            .Append("preconditioner can roughly do (Jacobi scaling):\n\n")
            .Append("| κ of the features | cond H, axis-aligned | after diagonal rescaling | cond H, rotated | after diagonal rescaling |\n")
            .Append("|---:|---:|---:|---:|---:|\n");
        foreach (double kappa in a.Problems.Where(p => !p.IsToy).Select(p => p.ConditionNumber).Distinct())
        {
            string Conditions(bool rotated)
            {
                int p = a.Problems.ToList().FindIndex(q => !q.IsToy && q.ConditionNumber == kappa && q.Rotated == rotated);
                return $"{Num(Median(a, p, i => i.HessianCondition))} | {Num(Median(a, p, i => i.ScaledHessianCondition))}";
            }

            md.Append(CultureInfo.InvariantCulture, $"| {SweepProblem.KappaText(kappa)} | {Conditions(false)} | {Conditions(true)} |\n");
        }

        return md.Append('\n').ToString();
    }

    private static string BestTable(SweepAnalysis a)
    {
        var md = new StringBuilder("| problem | optimizer | best η | median F − F* | IQR | median epochs to 1 % | reached | diverged (best η / all η) |\n")
            .Append("|---|---|---:|---:|---|---:|---:|---:|\n");
        for (int p = 0; p < a.Problems.Count; p++)
        {
            for (int o = 0; o < a.Optimizers.Count; o++)
            {
                SweepCell c = a.BestCell(p, o);
                md.Append(CultureInfo.InvariantCulture, $"| {a.Problems[p].Label} | {a.Optimizers[o].Label} | {Rate(a.Rates[a.Best[p, o]])} | ")
                    .Append(CultureInfo.InvariantCulture, $"{Num(c.Median)} | [{Num(c.Q1)}, {Num(c.Q3)}] | ")
                    .Append(CultureInfo.InvariantCulture, $"{(double.IsFinite(c.MedianEpochs) ? Num(c.MedianEpochs) : "not reached")} | ")
                    .Append(CultureInfo.InvariantCulture, $"{c.Reached}/{a.Seeds.Length} | {c.Diverged} / {DivergedAllRates(a, p, o)} |\n");
            }
        }

        return md.Append('\n').ToString();
    }

    private static string FigureSection(SweepAnalysis a, SweepFigures figures)
    {
        var md = new StringBuilder("Learning-rate sensitivity: median final F − F* across seeds (line) with its interquartile range ")
            .Append("(band), log–log. Values at the bottom edge (1e-12) reached the optimum to rounding precision; a quartile that ")
            .Append("diverged is drawn one decade above the largest finite value.\n\n");
        int toy = a.Problems.ToList().FindIndex(p => p.IsToy);
        md.Append(CultureInfo.InvariantCulture, $"![Toy neuron sensitivity]({figures.Sensitivity[toy]})\n\n");
        double[] kappas = a.Problems.Where(p => !p.IsToy).Select(p => p.ConditionNumber).Distinct().ToArray();
        md.Append("| |").Append(string.Concat(kappas.Select(k => $" κ = {SweepProblem.KappaText(k)} |"))).Append('\n')
            .Append("|---|").Append(string.Concat(kappas.Select(_ => "---|"))).Append('\n');
        foreach (bool rotated in new[] { false, true })
        {
            md.Append(rotated ? "| rotated |" : "| axis-aligned |");
            foreach (double kappa in kappas)
            {
                int p = a.Problems.ToList().FindIndex(q => !q.IsToy && q.ConditionNumber == kappa && q.Rotated == rotated);
                md.Append(CultureInfo.InvariantCulture, $" ![{a.Problems[p].Label}]({figures.Sensitivity[p]}) |");
            }

            md.Append('\n');
        }

        return md.Append(CultureInfo.InvariantCulture, $"\n![Epochs to the 1 % target]({figures.EpochsToTarget})\n\n")
            .Append(CultureInfo.InvariantCulture, $"![Win rate against Adam]({figures.WinRate})\n\n").ToString();
    }

    private static string PairedTable(SweepAnalysis a)
    {
        var md = new StringBuilder("Paired against Adam, each at its best η (a win is a lower final F − F* on the same seed):\n\n")
            .Append("| problem | optimizer | η | Adam η | wins / losses / ties | Wilcoxon p | sign-test p |\n")
            .Append("|---|---|---:|---:|---:|---:|---:|\n");
        foreach (PairedComparison c in a.Paired)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {c.Problem.Label} | {c.Optimizer.Label} | {Rate(c.LearningRate)} | {Rate(c.BaselineLearningRate)} | ")
                .Append(CultureInfo.InvariantCulture, $"{c.Wins} / {c.Losses} / {c.Ties} | {FormatP(c.Wilcoxon.PValue)} | {FormatP(c.SignTestP)} |\n");
        }

        return md.Append('\n').ToString();
    }

    private static int DivergedAllRates(SweepAnalysis a, int p, int o) =>
        Enumerable.Range(0, a.Rates.Length).Sum(r => a.Cells[p, o, r].Diverged);

    // Median over seeds of a per-instance number; NaN when it is undefined (the toy has no Newton optimum).
    private static double Median(SweepAnalysis a, int p, Func<SweepInstance, double> value)
    {
        double[] values = a.Seeds.Select((_, s) => value(a.Instances[p, s])).ToArray();
        return values.Any(double.IsNaN) ? double.NaN : Quantiles.Of(values, 0.5);
    }

    private static JsonObject Quartiles(double q1, double median, double q3) =>
        new() { ["q1"] = Json(q1), ["median"] = Json(median), ["q3"] = Json(q3) };

    private static JsonNode? Json(double x) => double.IsFinite(x) ? JsonValue.Create(Numbers.Round(x)) : null;
}
