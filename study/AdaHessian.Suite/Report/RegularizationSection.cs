using System.Text;
using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Report;

/// <summary>
/// The report's regularisation section: per dataset, L-BFGS at L2 = 1 against each way of choosing L2 (a column group
/// per source: chosen L2, test log-loss, time, test ratio), then computed summary lines.
/// </summary>
internal static class RegularizationSection
{
    /// <summary>
    /// Appends the section to <paramref name="text"/>, linking the regularisation study's file <paramref name="study"/>
    /// when given; nothing when no regularisation source ran.
    /// </summary>
    public static void Append(StringBuilder text, SuiteResult result, string? study = null)
    {
        if (result.Regularization.Count == 0)
        {
            return;
        }

        text.Append("## Regularisation: L2 = 1 against a chosen L2\n\n")
            .Append($"Test log-loss (nats) of {TrainerRegistry.Baseline} at L2 = {TrainerRegistry.L2:0} and of each way of choosing L2 from " +
                $"the training split alone; **/ L2 = 1** is the test log-loss over {TrainerRegistry.Baseline}'s at L2 = 1 (below 1 is " +
                "better). The chosen model's AUC and a search's held-out log-loss per L2 are in the regularisation CSV. **search time** " +
                "is the whole cross-validated search, refit included; **fit time** one fit, the choice of L2 included (the median of " +
                $"the run's fits).{(study is null ? "" : $" The test log-loss along the L2 path per dataset, these choices marked, and " +
                $"paired comparisons across the suite: [{study}]({study}).")}\n\n");
        AppendLines(text, result);
        RegularizationTargets.Append(text, result);
        AppendTable(text, result);
    }

    private static void AppendLines(StringBuilder text, SuiteResult result)
    {
        foreach (var s in RegularizationSummary.Score(result))
        {
            string tolerance = $"{RegularizationSummary.Tolerance:P0}";
            text.Append($"- **{s.Source}** beats L2 = 1 by more than {tolerance} on {Cells.Count(s.Better, s.Compared)} datasets and " +
                    $"loses by more than {tolerance} on {Cells.Count(s.Worse, s.Compared)} (of those where both ran and L-BFGS's test " +
                    $"log-loss is at least {SuiteSummary.ExcessFloor:0e0}). Test log-loss / L2 = 1: median {Cells.LossRatio(s.MedianRatio)}, " +
                    $"max {Cells.LossRatio(s.MaxRatio)}{Where(s.MaxDataset)}, min {Cells.LossRatio(s.MinRatio)}{Where(s.MinDataset)}.\n")
                .Append($"  Chosen L2 from {Cells.L2(s.SmallestL2)} to {Cells.L2(s.LargestL2)}. It ran on {Cells.Count(s.Succeeded, s.Datasets)} " +
                    $"datasets ({s.Skipped} skipped, {s.Errors} failed); its time: median {Cells.Seconds(s.MedianSeconds)}, " +
                    $"longest {Cells.Seconds(s.MaxSeconds)}{Where(s.SlowestDataset)}.\n");
        }

        text.Append('\n');
    }

    private static void AppendTable(StringBuilder text, SuiteResult result)
    {
        string[] headers =
        [
            "dataset", "train rows", $"{TrainerRegistry.Baseline}, L2 = 1: test",
            .. result.Regularization.SelectMany(s => new[]
            {
                $"{s.Name}: L2", $"{s.Name}: test", $"{s.Name}: {(s is CrossValidatedSource ? "search time" : "fit time")}", $"{s.Name}: / L2 = 1",
            }),
        ];
        var table = new MarkdownTable(headers);
        foreach (var d in result.Datasets.Where(d => !d.Skipped))
        {
            var cells = new List<string> { d.Name, $"{d.TrainRows:N0}", Cells.Number(d.Baseline?.TestLogLoss ?? double.NaN) };
            foreach (var source in result.Regularization)
            {
                var o = d.Regularization.FirstOrDefault(r => r.Source == source.Name);
                cells.AddRange(o switch
                {
                    null => ["–", "–", "–", "–"],
                    { SkipReason: { } why } => [$"skipped ({why})", "–", "–", "–"],
                    { Error: { } error } => [error, "–", Cells.Seconds(o.MedianSeconds), "–"],
                    _ => [Cells.L2(o.L2), Cells.Number(o.TestLogLoss), Cells.Seconds(o.MedianSeconds), Cells.LossRatio(d.TestRatio(o))],
                });
            }

            table.Add([.. cells]);
        }

        text.Append(table).Append('\n');
    }

    private static string Where(string? dataset) => dataset is null ? "" : $" ({dataset})";
}
