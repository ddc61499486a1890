using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdaHessian.Study.Output;
using AdaHessian.Study.Problems;

namespace AdaHessian.Study.Experiments.SeedReplication;

/// <summary>The seed replication's summary.json entry and its report section; the report reads only the summary.</summary>
internal static class SeedReplicationReport
{
    /// <summary>Per setting and optimizer: rate, final loss and (w, b), both stabilisation epochs; the claim's verdicts.</summary>
    public static JsonObject Summary(SeedReplicationOutcome o)
    {
        int epochs = o.Epochs;
        int[] snapshotEpochs = [0, epochs / 4, epochs / 2, 3 * epochs / 4, epochs];
        var perSetting = new JsonObject();
        var trajectory = new JsonObject();
        var claim = new JsonObject { ["statement"] = StabilisationClaim.Statement, ["rule"] = StabilisationClaim.Rule };
        foreach (SeedSetting setting in o.Settings)
        {
            var optimizers = new JsonObject();
            var snapshots = new JsonObject();
            foreach (SeedRun run in setting.Ordered)
            {
                optimizers[run.Variant.Key] = new JsonObject
                {
                    ["learning_rate"] = Numbers.Round(run.Rate),
                    ["final_loss"] = run.FinalLoss,
                    ["final_w"] = Numbers.Round(run.W[^1]),
                    ["final_b"] = Numbers.Round(run.B[^1]),
                    ["stable_epoch"] = SettledEpochs.Stable(run.Loss),
                    ["plateau_epoch"] = SettledEpochs.Plateau(run.Loss),
                };
                snapshots[run.Variant.Key] = new JsonArray(snapshotEpochs.Select(e => (JsonNode)new JsonObject
                {
                    ["epoch"] = e,
                    ["w"] = Numbers.Round(run.W[e]),
                    ["b"] = Numbers.Round(run.B[e]),
                    ["loss"] = Numbers.Round(run.Loss[e]),
                }).ToArray());
            }

            perSetting[setting.Key] = optimizers;
            trajectory[setting.Key] = snapshots;
            var verdicts = new JsonObject();
            foreach ((string key, _) in SettledEpochs.Definitions)
            {
                int adaHessian = (int)optimizers["adahessian"]![key]!, adam = (int)optimizers["adam"]![key]!;
                verdicts[key] = new JsonObject
                {
                    ["adahessian"] = adaHessian,
                    ["adam"] = adam,
                    ["holds"] = StabilisationClaim.Holds(adaHessian, adam),
                };
            }

            claim[setting.Key] = verdicts;
        }

        var gridLosses = new JsonObject();
        foreach ((string key, double?[] losses) in o.GridFinalLoss)
        {
            var array = new JsonArray();
            foreach (double? loss in losses)
            {
                array.Add(loss);
            }

            gridLosses[key] = array;
        }

        return new JsonObject
        {
            ["epochs"] = epochs,
            ["start"] = new JsonArray(ToyNeuron.StartW, ToyNeuron.StartB),
            ["shared_learning_rate"] = SeedReplicationExperiment.SharedLearningRate,
            ["band"] = SettledEpochs.Band,
            ["learning_rate_grid"] = new JsonArray(o.Grid.Select(r => (JsonNode)Numbers.Round(r)).ToArray()),
            ["grid_final_loss"] = gridLosses,
            ["settings"] = perSetting,
            ["claim"] = claim,
            ["trajectory"] = trajectory,
        };
    }

    /// <summary>The report section: method, results table, figures and the claim's verdicts.</summary>
    public static string Markdown(IReadOnlyList<SeedSetting> settings, JsonObject summary)
    {
        int epochs = (int)summary["epochs"]!;
        string grid = string.Join(", ", summary["learning_rate_grid"]!.AsArray().Select(r => Short((double)r!)));
        var text = new StringBuilder("## Seed replication: the single sigmoid neuron\n\n")
            .Append("One sigmoid neuron fitted to x = (0.5, 2.5), y = (0.2, 0.9) with squared error, full batch, from ")
            .Append($"(w, b) = ({Short(ToyNeuron.StartW)}, {Short(ToyNeuron.StartB)}) for {epochs} epochs. Setting (a) gives every optimizer ")
            .Append($"η = {Short(SeedReplicationExperiment.SharedLearningRate)}; setting (b) gives each the rate of the grid {{{grid}}} with the lowest final loss ")
            .Append("from that start (ties to the smaller rate). AdaHessian runs with its defaults (Hutchinson, one probe, seed 0); ")
            .Append("with two parameters one probe estimates |H_ww ± H_wb| rather than |H_ww|, so the exact-diagonal variant is shown too.\n\n")
            .Append("The loss L_t has *stabilised* from epoch e when it stays inside a band around its final value L_T from e on. ")
            .Append($"Two bands: **stable** = {SettledEpochs.Definitions[0].Text}; **plateau** = {SettledEpochs.Definitions[1].Text}.\n\n")
            .Append("| setting | optimizer | η | final loss | final (w, b) | stable from | plateau from |\n")
            .Append("|---|---|---:|---:|---|---:|---:|\n");
        foreach (SeedSetting setting in settings)
        {
            foreach (SeedRun run in setting.Ordered)
            {
                JsonNode row = summary["settings"]![setting.Key]![run.Variant.Key]!;
                text.Append($"| {setting.Key} | {run.Variant.Label} | {Short((double)row["learning_rate"]!)} | {Short((double)row["final_loss"]!)} | ")
                    .Append($"({Short((double)row["final_w"]!)}, {Short((double)row["final_b"]!)}) | ")
                    .Append($"{(int)row["stable_epoch"]!} | {(int)row["plateau_epoch"]!} |\n");
            }
        }

        text.Append('\n');
        foreach (SeedSetting setting in settings)
        {
            foreach (string kind in SeedReplicationOutputs.FigureKinds)
            {
                text.Append($"![{kind}, {setting.Title}](figures/{SeedReplicationOutputs.FigureName(kind, setting)}.png)\n");
            }
        }

        return text.Append('\n').Append(Conclusion(settings, summary)).Append('\n').ToString();
    }

    /// <summary>3 significant digits for the report; tiny values in e-notation without padding (5.07e-9).</summary>
    public static string Short(double x) => x != 0 && Math.Abs(x) < 1e-3
        ? x.ToString("0.##e-0", CultureInfo.InvariantCulture)
        : Numbers.Format(x, 3);

    private static string Conclusion(IReadOnlyList<SeedSetting> settings, JsonObject summary)
    {
        JsonNode claim = summary["claim"]!;
        int epochs = (int)summary["epochs"]!, holds = 0, checks = 0;
        var text = new StringBuilder($"The claim \"{StabilisationClaim.Statement}\" {claim["rule"]}.\n\n")
            .Append("| setting | band | AdaHessian (Hutchinson) settles at | Adam settles at | claim holds |\n|---|---|---:|---:|---|\n");
        foreach (SeedSetting setting in settings)
        {
            foreach ((string key, _) in SettledEpochs.Definitions)
            {
                JsonNode verdict = claim[setting.Key]![key]!;
                bool ok = (bool)verdict["holds"]!;
                (holds, checks) = (holds + (ok ? 1 : 0), checks + 1);
                text.Append($"| {setting.Key} | {key.Replace("_epoch", "", StringComparison.Ordinal)} | {(int)verdict["adahessian"]!} | ")
                    .Append($"{(int)verdict["adam"]!} | {(ok ? "yes" : "no")} |\n");
            }
        }

        text.Append($"\nThe claim holds in {holds} of {checks} (setting, band) combinations. ");
        foreach (SeedSetting setting in settings)
        {
            SeedRun lowest = setting.Ordered.MinBy(r => r.FinalLoss)!;
            text.Append($"In {setting.Title} the lowest final loss is {lowest.Variant.Label}'s ({Short(lowest.FinalLoss)}). ");
        }

        int movers = settings.Sum(s => s.Ordered.Count(r => SettledEpochs.Stable(r.Loss) == epochs));
        if (movers > 0)
        {
            text.Append($"{movers} of {settings.Sum(s => s.Ordered.Count)} runs still change the loss by more than 1 % in their last ")
                .Append("epoch: the minimum of this loss is 0 and a converging run keeps approaching it, so the band relative to the ")
                .Append("final value is only met at the very end.");
        }

        return text.ToString().TrimEnd();
    }
}
