using AdaHessian.Study.Output;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>The <c>--multiclass-suite</c> command: runs the selected datasets, writes the report and its CSV atomically.</summary>
internal static class MulticlassSuiteCommand
{
    /// <summary>Runs the suite and returns the process exit code (2 when no dataset matches).</summary>
    /// <param name="report">The markdown report; the CSV goes to data/&lt;name&gt;.csv beside it.</param>
    /// <param name="pattern">The <c>--dataset</c> regular expression, or null for all.</param>
    /// <param name="fits">Timed fits per trainer and dataset.</param>
    /// <param name="list">Only list the datasets and whether their files are present.</param>
    /// <param name="log">Where progress lines go.</param>
    public static int Run(string report, string? pattern, int fits, bool list, TextWriter log)
    {
        var datasets = MulticlassSuiteDatasets.Select(MulticlassSuiteDatasets.All, pattern);
        if (list)
        {
            foreach (MulticlassSuiteDataset d in datasets)
            {
                log.WriteLine($"{d.Name}: {d.MissingReason() ?? "ready"}");
            }

            return 0;
        }

        if (datasets.Count == 0)
        {
            Console.Error.WriteLine("No multiclass dataset matches the given pattern.");
            return 2;
        }

        string output = Path.GetFullPath(report);
        string csv = Path.Combine(Path.GetDirectoryName(output)!, "data", Path.GetFileNameWithoutExtension(output) + ".csv");
        // Only the selection belongs in the report's command line; paths differ between machines.
        string command = "dotnet cake --target=MulticlassSuite" + (pattern is null ? "" : $" --dataset='{pattern}'") + (fits == 3 ? "" : $" --fits={fits}");
        MulticlassSuiteResult result = new MulticlassSuiteRunner(log).Run(datasets, MulticlassSuiteMethods.All, fits);
        MulticlassSuiteCsv.Build(result).Save(csv);
        AtomicFile.WriteAllText(output, MulticlassSuiteReport.Render(result, command));
        log.WriteLine($"Wrote {output} and {csv} in {result.TotalSeconds:F0} s.");
        return 0;
    }
}
