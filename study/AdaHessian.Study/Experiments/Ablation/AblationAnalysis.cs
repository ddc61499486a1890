using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdaHessian.Study.Experiments.Sweep;
using AdaHessian.Study.Output;
using AdaHessian.Study.Statistics;

namespace AdaHessian.Study.Experiments.Ablation;

/// <summary>The ablation's numbers, its summary and its report, every conclusion computed from the runs.</summary>
/// <param name="Problems">The problems, each with <paramref name="Seeds"/> instances in order.</param>
/// <param name="Variants">The settings, the defaults first.</param>
/// <param name="Seeds">Instances per problem.</param>
/// <param name="Runs">[variant, problem × seeds + seed].</param>
internal sealed record AblationAnalysis(IReadOnlyList<AblationProblem> Problems, IReadOnlyList<AblationVariant> Variants, int Seeds,
    AblationRun[,] Runs)
{
    /// <summary>A fit within this gap of F* counts as converged (the defaults issue's target).</summary>
    public const double Target = 1e-3;

    // Gaps below this are the optimum: Newton's F* and a converged fit differ in rounding only.
    private const double Floor = 1e-12;

    private const double Alpha = PairedComparison.Alpha;

    /// <summary>The gaps of variant <paramref name="v"/> over every instance, floored at 1e-12 (+∞ when diverged).</summary>
    public double[] Gaps(int v) =>
        [.. Enumerable.Range(0, Runs.GetLength(1)).Select(k => Math.Max(Runs[v, k].Gap, Floor))];

    /// <summary>The median number of steps of variant <paramref name="v"/>'s fits (0 for a diverged one).</summary>
    public double MedianSteps(int v) => Quantiles.Of([.. Enumerable.Range(0, Runs.GetLength(1)).Select(k => (double)Runs[v, k].Steps)], 0.5);

    /// <summary>Variant <paramref name="v"/> against the defaults (variant 0), instance by instance.</summary>
    public (int Lower, int Higher, int Equal, WilcoxonResult Wilcoxon, double SignP) AgainstDefaults(int v)
    {
        double[] defaults = Gaps(0), other = Gaps(v);
        var (lower, higher, equal) = PairedTests.Count(defaults, other);

        // On log gaps: the problems' gaps span orders of magnitude, and a ratio means the same at each of them.
        WilcoxonResult wilcoxon = PairedTests.WilcoxonSignedRank([.. defaults.Select(g => Math.Log(g))], [.. other.Select(g => Math.Log(g))]);
        return (lower, higher, equal, wilcoxon, PairedTests.SignTest(lower, higher));
    }

    public JsonObject Summary()
    {
        var variants = new JsonObject();
        for (int v = 0; v < Variants.Count; v++)
        {
            double[] gaps = Gaps(v);
            var entry = new JsonObject
            {
                ["median-gap"] = Numbers.Round(Quantiles.Of(gaps, 0.5)),
                ["within-target"] = gaps.Count(g => g <= Target),
                ["within-target-mini-batch"] = Within(v, miniBatch: true).Within,
                ["diverged"] = gaps.Count(double.IsPositiveInfinity),
                ["median-steps"] = Numbers.Round(MedianSteps(v)),
            };
            if (v > 0)
            {
                var (lower, higher, equal, wilcoxon, signP) = AgainstDefaults(v);
                entry["defaults-lower"] = lower;
                entry["defaults-higher"] = higher;
                entry["equal"] = equal;
                entry["wilcoxon-p"] = Numbers.Round(wilcoxon.PValue);
                entry["sign-p"] = Numbers.Round(signP);
            }

            variants[Variants[v].Key] = entry;
        }

        return new JsonObject
        {
            ["problems"] = new JsonArray([.. Problems.Select(p => (JsonNode)p.Key)]),
            ["seeds"] = Seeds,
            ["variants"] = variants,
        };
    }

    public string Markdown()
    {
        int runs = Runs.GetLength(1);
        var text = new StringBuilder("## Ablation: what each default of the trainers does\n\n")
            .Append(CultureInfo.InvariantCulture, $"Seeded synthetic logistic regressions, L2 = 1 ({string.Join("; ", Problems.Select(p => p.Label))}; the first six are the sweep's, which the trainers fit in full batches), {Seeds} draws each ({runs} instances), ")
            .Append("each fitted by every setting below through the trainers' own training plan (what `Fit` runs, on the rows in memory, one thread), ")
            .Append("seed s for the s-th draw. **gap** = (F − F\\*)/|F\\*| of the returned model on the instance's objective, F\\* from Newton's method; ")
            .Append("gaps below 1e-12 count as 0, a diverged fit as +∞. The comparisons are paired instance by instance against the defaults ")
            .Append("(two-sided Wilcoxon signed-rank test on log gaps, and sign test).\n\n")
            .Append("| setting | what differs | median gap | within 1e-3: full batch | within 1e-3: mini-batches | diverged | median steps |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (int v = 0; v < Variants.Count; v++)
        {
            double[] gaps = Gaps(v);
            var (fullBatch, fullBatchRuns) = Within(v, miniBatch: false);
            var (miniBatch, miniBatchRuns) = Within(v, miniBatch: true);
            text.Append(CultureInfo.InvariantCulture,
                $"| {Variants[v].Label} | {Variants[v].Settings} | {Gap(Quantiles.Of(gaps, 0.5))} | {fullBatch}/{fullBatchRuns} | {miniBatch}/{miniBatchRuns} | {gaps.Count(double.IsPositiveInfinity)} | {MedianSteps(v):0} |\n");
        }

        text.Append("\n### Conclusions (computed from the runs above)\n\n");
        foreach (string line in Conclusions())
        {
            text.Append("- ").Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Runs of variant <paramref name="v"/> within <see cref="Target"/>, and runs, on the mini-batch or the full-batch problems.</summary>
    public (int Within, int Runs) Within(int v, bool miniBatch)
    {
        int within = 0, runs = 0;
        for (int p = 0; p < Problems.Count; p++)
        {
            if (Problems[p].MiniBatch != miniBatch)
            {
                continue;
            }

            for (int s = 0; s < Seeds; s++)
            {
                runs++;
                within += Runs[v, p * Seeds + s].Gap <= Target ? 1 : 0;
            }
        }

        return (within, runs);
    }

    /// <summary>One line per variant against the defaults, in words decided by the tests.</summary>
    public IEnumerable<string> Conclusions()
    {
        string defaults = Variants[0].Label;
        for (int v = 1; v < Variants.Count; v++)
        {
            var (lower, higher, equal, wilcoxon, signP) = AgainstDefaults(v);
            bool bothConverged = Gaps(0).All(g => g <= Target) && Gaps(v).All(g => g <= Target);
            string verdict = wilcoxon.PValue >= Alpha
                ? "no difference at the 5 % level"
                : lower > higher ? $"{defaults} reach the lower gap" : $"**{Variants[v].Label}** reaches the lower gap";
            if (bothConverged && wilcoxon.PValue < Alpha)
            {
                verdict += string.Create(CultureInfo.InvariantCulture,
                    $", but both are within {Target:0e0} of F* on every instance (median gaps {Gap(Quantiles.Of(Gaps(0), 0.5))} and {Gap(Quantiles.Of(Gaps(v), 0.5))}): a difference below what the fits' stopping tolerance resolves");
            }
            verdict += ConvergedDifferently(v);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"**{Variants[v].Label}** against {defaults}: the defaults' gap is lower on {lower}, higher on {higher}, equal on {equal} of {lower + higher + equal} instances (Wilcoxon p = {Numbers.Format(wilcoxon.PValue, 2)}, sign test p = {Numbers.Format(signP, 2)}): {verdict}.");
        }
    }

    // Pooled over both regimes, the tests can call a setting equal that fails one of them: say so, per regime.
    private string ConvergedDifferently(int v)
    {
        var text = new StringBuilder();
        foreach (bool miniBatch in new[] { false, true })
        {
            var (mine, runs) = Within(v, miniBatch);
            int theirs = Within(0, miniBatch).Within;
            if (runs > 0 && mine != theirs)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"; within {Target:0e0} of F* on {mine}/{runs} {(miniBatch ? "mini-batch" : "full-batch")} fits, the defaults on {theirs}/{runs}");
            }
        }

        return text.ToString();
    }

    private static string Gap(double gap) =>
        double.IsPositiveInfinity(gap) ? "∞" : gap <= Floor ? "0" : gap.ToString("0.0e+00", CultureInfo.InvariantCulture);
}
