using AdaHessian.Study.Output;
using AdaHessian.Suite.Running;

namespace AdaHessian.Suite.Report;

/// <summary>Writes the regularisation outcomes as one CSV row per dataset and source (skipped datasets left out).</summary>
internal static class RegularizationCsv
{
    /// <summary>The table of <paramref name="result"/>'s regularisation outcomes.</summary>
    public static CsvTable Build(SuiteResult result)
    {
        var table = new CsvTable("dataset", "train_rows", "source", "l2", "test_logloss", "auc", "seconds", "baseline_test_logloss",
            "test_ratio", "skipped", "error", "note");
        foreach (var d in result.Datasets.Where(d => !d.Skipped))
        {
            foreach (var o in d.Regularization)
            {
                table.Add(d.Name, d.TrainRows, o.Source, o.L2, o.TestLogLoss, o.Auc, string.Join(" ", o.Seconds.Select(s => Numbers.Format(s))),
                    d.Baseline?.TestLogLoss ?? double.NaN, d.TestRatio(o), o.SkipReason ?? "", o.Error ?? "", o.Note ?? "");
            }
        }

        return table;
    }
}
