using AdaHessian.Study.Output;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>Writes a multiclass suite run as one CSV row per dataset and method (a skipped dataset gets one row with the reason).</summary>
internal static class MulticlassSuiteCsv
{
    /// <summary>The table of <paramref name="result"/>.</summary>
    public static CsvTable Build(MulticlassSuiteResult result)
    {
        var table = new CsvTable("dataset", "train_rows", "test_rows", "features", "classes", "classes_in_train", "fixed_split", "method",
            "l2", "test_logloss", "accuracy", "seconds_median", "seconds", "error", "note", "detail", "skipped");
        foreach (MulticlassDatasetOutcome d in result.Datasets)
        {
            if (d.Skipped)
            {
                table.Add(d.Name, 0, 0, 0, 0, 0, "", "", double.NaN, double.NaN, double.NaN, double.NaN, "", "", "", "", d.SkipReason!);
                continue;
            }

            foreach (MulticlassMethodOutcome o in d.Methods)
            {
                table.Add(d.Name, d.TrainRows, d.TestRows, d.Features, d.Classes, d.ClassesInTrain, d.FixedSplit ? "true" : "false", o.Method,
                    o.L2, o.TestLogLoss, o.Accuracy, o.MedianSeconds, string.Join(" ", o.Seconds.Select(s => Numbers.Format(s))),
                    o.Error ?? "", o.Note ?? "", o.Detail ?? "", "");
            }
        }

        return table;
    }
}
