using AdaHessian.Study.Output;
using AdaHessian.Suite.Running;

namespace AdaHessian.Suite.Report;

/// <summary>Writes a suite run as one CSV row per dataset and trainer (skipped datasets get one row with the reason).</summary>
internal static class SuiteCsv
{
    /// <summary>The table of <paramref name="result"/>.</summary>
    public static CsvTable Build(SuiteResult result)
    {
        var table = new CsvTable("dataset", "train_rows", "test_rows", "features", "sparse", "normalized", "trainer", "objective",
            "f_star", "f_reference", "reference_seconds", "f_zero", "gap", "gap_absolute", "test_logloss", "auc", "fit_seconds_median",
            "fit_seconds", "time_ratio", "error", "note", "skipped");
        foreach (var d in result.Datasets)
        {
            if (d.Skipped)
            {
                table.Add(d.Name, 0, 0, 0, "", "", "", double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, "",
                    double.NaN, double.NaN, double.NaN, "", double.NaN, "", "", d.SkipReason!);
                continue;
            }

            foreach (var o in d.Trainers)
            {
                table.Add(d.Name, d.TrainRows, d.TestRows, d.Features, d.Sparse ? "true" : "false", d.Normalized ? "true" : "false",
                    o.Trainer, o.Objective, d.OptimumObjective, d.ReferenceObjective, d.ReferenceSeconds, d.ZeroObjective, d.Gap(o),
                    d.AbsoluteGap ? "true" : "false", o.TestLogLoss, o.Auc, o.MedianSeconds,
                    string.Join(" ", o.FitSeconds.Select(s => Numbers.Format(s))), d.TimeRatio(o), o.Error ?? "", o.Note ?? "", "");
            }
        }

        return table;
    }
}
