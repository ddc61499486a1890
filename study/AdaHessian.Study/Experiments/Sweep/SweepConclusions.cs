using System.Globalization;
using System.Text;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>The sweep's conclusions, each sentence computed from the analysis (nothing hand-written about results).</summary>
internal static class SweepConclusions
{
    public static string Write(SweepAnalysis a)
    {
        var md = new StringBuilder("### Conclusions (computed from the numbers above)\n\n");
        md.Append(Rotation(a));
        md.Append(RotationCost(a));
        md.Append(Leaders(a));
        md.Append(ExactVersusHutchinson(a));
        md.Append(Robustness(a));
        md.Append(GridEdge(a));
        return md.Append('\n').ToString();
    }

    // Does each AdaHessian variant beat Adam on the axis-aligned problem, and does that survive rotation?
    private static string Rotation(SweepAnalysis a)
    {
        var lines = new StringBuilder();
        var fits = new List<string>();
        int total = 0;
        foreach (double kappa in Kappas(a))
        {
            for (int o = 1; o < a.Optimizers.Count; o++)
            {
                PairedComparison axis = a.PairedFor(Index(a, kappa, false), o);
                PairedComparison rotated = a.PairedFor(Index(a, kappa, true), o);
                string verdict = (axis.SignificantlyBetter, rotated.SignificantlyBetter, rotated.SignificantlyWorse) switch
                {
                    (true, false, true) => "the advantage reverses when rotated",
                    (true, false, false) => "the advantage vanishes when rotated",
                    (true, true, _) => "the advantage survives rotation",
                    (false, true, _) => "better only when rotated",
                    _ => "no advantage in either orientation",
                };
                total++;
                if (axis.SignificantlyBetter && !rotated.SignificantlyBetter)
                {
                    fits.Add($"{a.Optimizers[o].Label} at κ = {SweepProblem.KappaText(kappa)}");
                }

                lines.Append(CultureInfo.InvariantCulture, $"  - κ = {SweepProblem.KappaText(kappa)}, {a.Optimizers[o].Label}: ")
                    .Append(CultureInfo.InvariantCulture, $"axis-aligned {Record(axis)}; rotated {Record(rotated)} — {verdict}.\n");
            }
        }

        string which = fits.Count == 0 ? "" : $" ({string.Join("; ", fits)})";
        return new StringBuilder("- **Does diagonal curvature help axis-aligned but not rotated problems?** ")
            .Append(CultureInfo.InvariantCulture, $"Yes in {fits.Count} of {total} (κ, variant) pairs{which}. ")
            .Append(CultureInfo.InvariantCulture, $"\"Better\" = more wins than losses against Adam with Wilcoxon p < {PairedComparison.Alpha}:\n")
            .Append(lines).ToString();
    }

    // What rotation costs each optimizer at the largest κ (each at its own best η).
    private static string RotationCost(SweepAnalysis a)
    {
        double kappa = Kappas(a).Max();
        int axis = Index(a, kappa, false), rotated = Index(a, kappa, true);
        var md = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"- **Cost of rotation at κ = {SweepProblem.KappaText(kappa)}** (median final F − F*, axis-aligned → rotated; median epochs to 1 %): ");
        md.AppendJoin("; ", a.Optimizers.Select((optimizer, o) =>
            $"{optimizer.Label} {SweepReport.Num(a.BestCell(axis, o).Median)} → {SweepReport.Num(a.BestCell(rotated, o).Median)} " +
            $"({Ratio(a.BestCell(rotated, o).Median, a.BestCell(axis, o).Median)}" +
            $"{Epochs(a.BestCell(axis, o))} → {Epochs(a.BestCell(rotated, o))})"));
        return md.Append(".\n").ToString();
    }

    // The optimizer with the lowest median at its best η, per problem.
    private static string Leaders(SweepAnalysis a)
    {
        var md = new StringBuilder("- **Lowest median final F − F*** (each optimizer at its best η): ");
        md.AppendJoin("; ", a.Problems.Select((problem, p) =>
        {
            int best = Enumerable.Range(0, a.Optimizers.Count).MinBy(o => a.BestCell(p, o).Median);
            string versus = best == 0 ? "" : $" vs Adam {SweepReport.Num(a.BestCell(p, 0).Median)}";
            return $"{problem.Label}: {a.Optimizers[best].Label} ({SweepReport.Num(a.BestCell(p, best).Median)}{versus})";
        }));
        return md.Append(".\n").ToString();
    }

    // Sampled (Hutchinson, k = 1) against exact diagonal curvature, problem by problem.
    private static string ExactVersusHutchinson(SweepAnalysis a)
    {
        int hutchinson = IndexOf(a, "adahessian-k1"), exact = IndexOf(a, "adahessian-exact");
        if (hutchinson < 0 || exact < 0)
        {
            return "";
        }

        string[] lower = a.Problems.Where((_, p) => a.BestCell(p, exact).Median < a.BestCell(p, hutchinson).Median)
            .Select(p => p.Label).ToArray();
        return $"- **Exact diagonal vs Hutchinson (k = 1)**: the exact diagonal has the lower median final F − F* on " +
            $"{lower.Length} of {a.Problems.Count} problems{(lower.Length > 0 ? $" ({string.Join(", ", lower)})" : "")}.\n";
    }

    // How many (problem, η) cells each optimizer gets to the target on the median seed, and how often it diverges.
    private static string Robustness(SweepAnalysis a)
    {
        int cells = a.Problems.Count * a.Rates.Length;
        var md = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"- **Learning-rate robustness**: (problem, η) cells out of {cells} where the median seed reaches the 1 % target, and diverged runs out of {cells * a.Seeds.Length}: ");
        md.AppendJoin("; ", a.Optimizers.Select((optimizer, o) =>
        {
            int reached = 0, diverged = 0;
            for (int p = 0; p < a.Problems.Count; p++)
            {
                for (int r = 0; r < a.Rates.Length; r++)
                {
                    reached += double.IsFinite(a.Cells[p, o, r].MedianEpochs) ? 1 : 0;
                    diverged += a.Cells[p, o, r].Diverged;
                }
            }

            return $"{optimizer.Label} {reached} cells, {diverged} diverged";
        }));
        return md.Append(".\n").ToString();
    }

    // Best rates at the top of the grid: the true optimum may lie beyond it.
    private static string GridEdge(SweepAnalysis a)
    {
        int top = a.Rates.Length - 1;
        var counts = a.Optimizers.Select((optimizer, o) => (optimizer.Label,
            Count: Enumerable.Range(0, a.Problems.Count).Count(p => a.Best[p, o] == top))).Where(c => c.Count > 0).ToArray();
        if (counts.Length == 0)
        {
            return "- **Grid**: no best η lies at the largest rate tried, so the grid brackets every optimum.\n";
        }

        return $"- **Grid edge**: the best η is the largest rate tried (η = {SweepReport.Rate(a.Rates[top])}) for " +
            $"{string.Join(", ", counts.Select(c => $"{c.Label} on {c.Count} of {a.Problems.Count} problems"))}; " +
            "a larger η might do better there, so those numbers are upper bounds on what the optimizer can reach.\n";
    }

    private static string Ratio(double rotated, double axis) =>
        axis > 0 && double.IsFinite(axis) && double.IsFinite(rotated) ? $"×{SweepReport.Num(rotated / axis)}; " : "";

    private static string Record(PairedComparison c) =>
        $"{c.Wins} wins / {c.Losses} losses of {c.Count} ({SweepReport.PText(c.Wilcoxon.PValue)})";

    private static string Epochs(SweepCell c) => double.IsFinite(c.MedianEpochs) ? $"{SweepReport.Num(c.MedianEpochs)} epochs" : "not reached";

    private static int IndexOf(SweepAnalysis a, string key) => a.Optimizers.ToList().FindIndex(o => o.Key == key);

    private static IEnumerable<double> Kappas(SweepAnalysis a) => a.Problems.Where(p => !p.IsToy).Select(p => p.ConditionNumber).Distinct();

    private static int Index(SweepAnalysis a, double kappa, bool rotated) =>
        a.Problems.ToList().FindIndex(p => !p.IsToy && p.ConditionNumber == kappa && p.Rotated == rotated);
}
