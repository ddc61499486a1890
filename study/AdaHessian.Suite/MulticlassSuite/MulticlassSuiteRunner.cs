using System.Diagnostics;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>Runs the methods on the datasets, one dataset in memory at a time, after a warm-up.</summary>
/// <param name="log">Where progress lines go.</param>
internal sealed class MulticlassSuiteRunner(TextWriter log)
{
    /// <summary>Runs everything and returns the outcomes.</summary>
    public MulticlassSuiteResult Run(IReadOnlyList<MulticlassSuiteDataset> datasets, IReadOnlyList<IMulticlassMethod> methods, int fits)
    {
        var clock = Stopwatch.StartNew();
        MulticlassWarmup.Run(methods);
        log.WriteLine($"warm-up done in {clock.Elapsed.TotalSeconds:F1} s");
        var outcomes = datasets.Select(d => RunDataset(d, methods, fits)).ToList();
        return new MulticlassSuiteResult(outcomes, methods, fits, clock.Elapsed.TotalSeconds);
    }

    private MulticlassDatasetOutcome RunDataset(MulticlassSuiteDataset dataset, IReadOnlyList<IMulticlassMethod> methods, int fits)
    {
        if (dataset.MissingReason() is { } reason)
        {
            log.WriteLine($"{dataset.Name}: skipped, {reason}");
            return new MulticlassDatasetOutcome(dataset.Name, dataset.Source, reason);
        }

        var clock = Stopwatch.StartNew();
        PreparedMulticlass data;
        try
        {
            data = MulticlassPreparation.Prepare(dataset.Load());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            string why = $"its files could not be read ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})";
            log.WriteLine($"{dataset.Name}: skipped, {why}");
            return new MulticlassDatasetOutcome(dataset.Name, dataset.Source, why);
        }

        MulticlassRows train = data.Train;
        int present = train.ClassCounts().Count(n => n > 0);
        log.WriteLine($"{dataset.Name}: {train.Count:N0} train / {data.Test.Count:N0} test × {train.FeatureCount} features, " +
            $"{train.Classes.Count} classes ({present} in training), prepared in {clock.Elapsed.TotalSeconds:F1} s");
        var results = new List<MulticlassMethodOutcome>();
        foreach (IMulticlassMethod method in methods)
        {
            MulticlassMethodOutcome o = method.Run(data, fits);
            results.Add(o);
            log.WriteLine(o.Succeeded
                ? $"  {o.Method}: test {o.TestLogLoss:G5}, accuracy {o.Accuracy:F4}, L2 {o.L2:G3}, {o.MedianSeconds:F3} s{(o.Note is null ? "" : ", " + o.Note)}"
                : $"  {o.Method}: {o.Error}");
        }

        return new MulticlassDatasetOutcome(dataset.Name, dataset.Source, null)
        {
            FixedSplit = dataset.FixedSplit,
            TrainRows = train.Count,
            TestRows = data.Test.Count,
            Features = train.FeatureCount,
            Classes = train.Classes.Count,
            ClassesInTrain = present,
            Methods = results,
        };
    }
}
