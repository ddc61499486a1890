using System.Diagnostics;
using AdaHessian.Benchmarks.Data;
using AdaHessian.Data;
using AdaHessian.MLNet;
using AdaHessian.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.Benchmarks.EndToEnd;

/// <summary>Peak heap growth of one AdaHessianMaximumEntropy fit against the training features as float.</summary>
/// <param name="Problem">The data's name.</param>
/// <param name="Setting">The trainer's options.</param>
/// <param name="DataBytes">The training features as float (CSR: values, indices, row starts).</param>
/// <param name="PeakHeapGrowth">Peak managed-heap growth during the fit (<see cref="MemorySampler"/>).</param>
/// <param name="Allocated">Bytes the fit allocated.</param>
/// <param name="Seconds">Wall time of the measured fit.</param>
/// <param name="ReadPeakHeapGrowth">Peak heap growth of the trainers' reader alone (<c>DataViewReader.ReadMulticlass</c>) on the same view.</param>
/// <param name="ParameterBytes">One parameter vector in double, K·(d + 1)·8 bytes: the unit of the optimizer's and the passes' buffers.</param>
internal sealed record MemoryResult(string Problem, string Setting, long DataBytes, long PeakHeapGrowth, long Allocated, double Seconds,
    long ReadPeakHeapGrowth, long ParameterBytes)
{
    /// <summary>Peak growth over the data: the target is ≤ 1.5.</summary>
    public double Ratio => PeakHeapGrowth / (double)DataBytes;
}

/// <summary>Fits AdaHessianMaximumEntropy once on a view cached and read beforehand, sampling the heap (<see cref="MemorySampler"/>).</summary>
internal static class MulticlassMemory
{
    public static MemoryResult Measure(string problem, MulticlassDataset data, string setting, Func<AdaHessianMaximumEntropyTrainer.Options> options,
        Action<string> log)
    {
        var ml = new MLContext(seed: 1);
        IDataView train = MulticlassViews.Cached(ml, data);
        var trainer = ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(options());
        var clock = Stopwatch.StartNew();
        var (_, peak, allocated) = MemorySampler.Measure(() => trainer.Fit(train));
        double seconds = clock.Elapsed.TotalSeconds;

        // Where the peak comes from: the reader that collects the rows into the trainers' own matrix, alone.
        TrainingColumns columns = SchemaValidation.Check(train.Schema, options());
        int classes = (int)((KeyDataViewType)columns.Label.Type).Count;
        var (_, readPeak, _) = MemorySampler.Measure(() => DataViewReader.ReadMulticlass(train, columns, classes).KeptCount);
        var result = new MemoryResult(problem, setting, MulticlassViews.FeatureBytes(data), peak, allocated, seconds, readPeak,
            (long)data.ClassCount * (data.FeatureCount + 1) * 8);
        log($"[{problem}] AdaHessianMaximumEntropy ({setting}): peak heap +{peak / 1e6:F1} MB over {result.DataBytes / 1e6:F1} MB of data = {result.Ratio:F2}× (reading alone +{readPeak / 1e6:F1} MB), {result.Seconds:F1} s");
        return result;
    }
}
