using System.Diagnostics;
using AdaHessian.Suite.Datasets;
using AdaHessian.Suite.Metrics;
using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.Running;

/// <summary>Runs the selected trainers on the selected datasets, one dataset in memory at a time.</summary>
/// <param name="log">Where progress lines go.</param>
internal sealed class SuiteRunner(TextWriter log)
{
    /// <summary>Runs everything and returns the outcomes.</summary>
    public SuiteResult Run(IReadOnlyList<SuiteDataset> datasets, IReadOnlyList<SuiteTrainer> trainers,
        IReadOnlyList<IRegularizationSource> regularization, int fits)
    {
        var clock = Stopwatch.StartNew();
        Warmup.Run(trainers, regularization);
        log.WriteLine($"warm-up fits done in {clock.Elapsed.TotalSeconds:F1} s");
        var outcomes = datasets.Select(d => RunDataset(d, trainers, regularization, fits)).ToList();
        return new SuiteResult(outcomes, trainers, fits, clock.Elapsed.TotalSeconds) { Regularization = regularization };
    }

    private DatasetOutcome RunDataset(SuiteDataset dataset, IReadOnlyList<SuiteTrainer> trainers,
        IReadOnlyList<IRegularizationSource> regularization, int fits)
    {
        if (dataset.MissingReason() is { } reason)
        {
            log.WriteLine($"{dataset.Name}: skipped, {reason}");
            return new DatasetOutcome(dataset.Name, dataset.Source, reason);
        }

        var clock = Stopwatch.StartNew();
        PreparedData data;
        try
        {
            data = Preprocessing.Prepare(new MLContext(seed: 0), dataset.Load(), dataset.Normalize);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            string why = $"its files could not be read ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})";
            log.WriteLine($"{dataset.Name}: skipped, {why}");
            return new DatasetOutcome(dataset.Name, dataset.Source, why);
        }

        var features = data.Train.Features;
        log.WriteLine($"{dataset.Name}: {data.Train.RowCount:N0} train / {data.Test.RowCount:N0} test × {features.ColumnCount:N0} " +
            $"({(features.IsSparse ? "sparse" : "dense")}) prepared in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var reference = ReferenceOptimum.Fit(data.TrainView);
        double referenceSeconds = clock.Elapsed.TotalSeconds;
        double referenceObjective = LogisticMetrics.Objective(data.Train, reference, TrainerRegistry.L2);
        log.WriteLine($"  reference F = {referenceObjective:G8} in {referenceSeconds:F1} s");

        var results = new List<TrainerOutcome>();
        foreach (var trainer in trainers)
        {
            var outcome = TrainerRun.Run(trainer, data, fits);
            results.Add(outcome);
            log.WriteLine(outcome.Succeeded
                ? $"  {trainer.Name}: F = {outcome.Objective:G8}, test {outcome.TestLogLoss:G5}, AUC {outcome.Auc:G4}, " +
                  $"{outcome.MedianSeconds:F2} s (median of {outcome.FitSeconds.Count}){(outcome.Note is null ? "" : ", " + outcome.Note)}"
                : $"  {trainer.Name}: {outcome.Error}");
        }

        var chosen = new List<RegularizationOutcome>();
        foreach (var source in regularization)
        {
            var outcome = source.Run(data, results, fits);
            chosen.Add(outcome);
            log.WriteLine(outcome.Succeeded
                ? $"  {source.Name}: L2 {outcome.L2:G3}, test {outcome.TestLogLoss:G5}, AUC {outcome.Auc:G4}, {outcome.MedianSeconds:F2} s"
                : $"  {source.Name}: {outcome.SkipReason ?? outcome.Error}");
        }

        PathOutcome? path = null;
        if (regularization.Count > 0)
        {
            path = PathRun.Run(data);
            log.WriteLine(path.Succeeded
                ? $"  L2 path: best L2 {path.Best?.L2:G3}, test {path.Best?.TestLogLoss:G5}, {path.Points.Count} fits in {path.Seconds:F2} s"
                : $"  L2 path: {path.SkipReason ?? path.Error}");
        }

        return new DatasetOutcome(dataset.Name, dataset.Source, null)
        {
            Path = path,
            TrainRows = data.Train.RowCount,
            TestRows = data.Test.RowCount,
            Features = features.ColumnCount,
            Sparse = features.IsSparse,
            ValuesPerRow = (double)features.StoredValueCount / Math.Max(1, data.Train.RowCount),
            Normalized = dataset.Normalize,
            ZeroObjective = LogisticMetrics.Objective(data.Train, LinearModel.Zero(features.ColumnCount), TrainerRegistry.L2),
            ReferenceObjective = referenceObjective,
            ReferenceSeconds = referenceSeconds,
            OptimumObjective = results.Where(r => r.Succeeded).Select(r => r.Objective).Append(referenceObjective).Min(),
            Trainers = results,
            Regularization = chosen,
        };
    }
}
