using AdaHessian.Study.Output;
using AdaHessian.Suite.Running;

namespace AdaHessian.Suite.Report;

/// <summary>Writes the regularisation path as one CSV row per dataset and grid L2 (datasets without a path left out).</summary>
internal static class L2PathCsv
{
    /// <summary>The table of <paramref name="result"/>'s paths.</summary>
    public static CsvTable Build(SuiteResult result)
    {
        var table = new CsvTable("dataset", "train_rows", "l2", "test_logloss", "seconds", "best");
        foreach (var d in result.Datasets.Where(d => d.Path is { Succeeded: true }))
        {
            var best = d.Path!.Best;
            foreach (var p in d.Path.Points)
            {
                table.Add(d.Name, d.TrainRows, p.L2, p.TestLogLoss, p.Seconds, p == best ? "true" : "false");
            }
        }

        return table;
    }
}
