using System.Diagnostics;
using System.Globalization;
using AdaHessian.MLNet;
using AdaHessian.StreamingProbe;
using Microsoft.ML;

// A child process for the streaming guarantees, run under a heap limit by the tests and the streaming benchmark:
//   write <file> <rows> <features> <seed>
//   train <train file> <test file> <Automatic|InMemory|Streaming> <buffer MiB> <epochs>
//   train-sparse <rows> <width> <dense-first|dense-last> <loading>   (10 non-zeros a row, one dense row)
//   cursor-pass <file>   (ML.NET's binary cursor alone: every row's features and label, nothing else)
//   benchmark <work folder> <report.md> <rows>   (the streaming benchmark: runs the modes above as child processes)
//   train-generated <rows> <features> <Automatic|InMemory|Streaming> <buffer MiB> <epochs>   (rows generated on every
//     cursor, seed 1; the test set 20,000 rows of seed 2: the data takes no memory of its own)
// `train` prints one line per fact: the trainer's loading decision, the test log-loss, the fit's and each epoch's
// seconds, and the peak of the managed heap seen by a 5 ms sampler.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
switch (args)
{
    case ["write", var path, var rows, var features, var seed]:
        PlantedRows.Write(path, long.Parse(rows, CultureInfo.InvariantCulture), int.Parse(features, CultureInfo.InvariantCulture),
            int.Parse(seed, CultureInfo.InvariantCulture));
        return 0;
    case ["train", var train, var test, var loading, var buffer, var epochs]:
        Train(ml => ml.Data.LoadFromBinary(train), ml => ml.Data.LoadFromBinary(test), Enum.Parse<DataLoading>(loading),
            int.Parse(buffer, CultureInfo.InvariantCulture), int.Parse(epochs, CultureInfo.InvariantCulture));
        return 0;
    case ["train-sparse", var sparseRowText, var sparseWidthText, var first, var sparseLoading]:
        int sparseRows = int.Parse(sparseRowText, CultureInfo.InvariantCulture), sparseWidth = int.Parse(sparseWidthText, CultureInfo.InvariantCulture);
        bool denseFirst = first == "dense-first";
        Train(ml => PlantedRows.SparseView(ml, sparseRows, sparseWidth, 10, denseFirst ? 0 : sparseRows - 1, seed: 1),
            ml => PlantedRows.SparseView(ml, 20_000, sparseWidth, 10, denseRow: null, seed: 2), Enum.Parse<DataLoading>(sparseLoading), 16, 2);
        return 0;
    case ["cursor-pass", var file]:
        CursorPass(file);
        return 0;
    case ["benchmark", var folder, var report, var benchmarkRows]:
        StreamingBenchmark.Run(folder, report, long.Parse(benchmarkRows, CultureInfo.InvariantCulture));
        return 0;
    case ["train-generated", var rows, var features, var loading, var buffer, var epochs]:
        int width = int.Parse(features, CultureInfo.InvariantCulture);
        Train(ml => PlantedRows.View(ml, long.Parse(rows, CultureInfo.InvariantCulture), width, seed: 1),
            ml => PlantedRows.View(ml, 20_000, width, seed: 2), Enum.Parse<DataLoading>(loading),
            int.Parse(buffer, CultureInfo.InvariantCulture), int.Parse(epochs, CultureInfo.InvariantCulture));
        return 0;
    default:
        Console.Error.WriteLine("usage: write <file> <rows> <features> <seed> | train <train> <test> <loading> <buffer MiB> <epochs> | train-generated <rows> <features> <loading> <buffer MiB> <epochs> | train-sparse <rows> <width> <dense-first|dense-last> <loading> | cursor-pass <file> | benchmark <folder> <report> <rows>");
        return 2;
}

static void Train(Func<MLContext, IDataView> trainData, Func<MLContext, IDataView> testData, DataLoading loading,
    int bufferMegabytes, int epochs)
{
    long peak = 0;
    using var stop = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            await Task.Delay(5).ConfigureAwait(false);
        }
    });

    var ml = new MLContext(seed: 1);
    ml.Log += (_, e) =>
    {
        if (e.Message.Contains("streaming", StringComparison.Ordinal))
        {
            Console.WriteLine($"loading {e.Message}");
        }
    };
    var epochEnds = new List<double>();
    var clock = Stopwatch.StartNew();
    var options = new AdaHessianTrainer.Options
    {
        DataLoading = loading,
        StreamingBufferMegabytes = bufferMegabytes,
        NumberOfEpochs = epochs,
        MinimumNumberOfSteps = 0,
        OptimizationTolerance = 0,
        L2Regularization = 1,
        Observer = new Progress(() => epochEnds.Add(clock.Elapsed.TotalSeconds)),
    };
    var model = ml.BinaryClassification.Trainers.AdaHessian(options).Fit(trainData(ml));
    double fit = clock.Elapsed.TotalSeconds;
    var metrics = ml.BinaryClassification.Evaluate(model.Transform(testData(ml)));
    stop.Cancel();
    sampler.Wait();
    Console.WriteLine($"logloss {metrics.LogLoss:R}");
    Console.WriteLine($"fit-seconds {fit:F3}");
    Console.WriteLine($"epoch-seconds {string.Join(' ', epochEnds.Zip(epochEnds.Skip(1), (a, b) => (b - a).ToString("F3", CultureInfo.InvariantCulture)))}");
    Console.WriteLine($"peak-managed-bytes {Math.Max(peak, GC.GetTotalMemory(false))}");
}

// The floor under a streamed epoch: one pass of ML.NET's cursor over the file, reading each row's columns.
static void CursorPass(string file)
{
    var ml = new MLContext(seed: 1);
    var data = ml.Data.LoadFromBinary(file);
    var clock = Stopwatch.StartNew();
    using var cursor = data.GetRowCursor(data.Schema, new Random(1));
    var features = cursor.GetGetter<Microsoft.ML.Data.VBuffer<float>>(data.Schema["Features"]);
    var label = cursor.GetGetter<bool>(data.Schema["Label"]);
    Microsoft.ML.Data.VBuffer<float> x = default;
    bool y = false;
    long rows = 0;
    while (cursor.MoveNext())
    {
        features(ref x);
        label(ref y);
        rows++;
    }

    Console.WriteLine($"rows {rows}");
    Console.WriteLine($"pass-seconds {clock.Elapsed.TotalSeconds:F3}");
}

// Progress<T> posts to the thread pool; the probe wants the time of the report itself.
internal sealed class Progress(Action report) : IProgress<AdaHessian.Training.TrainingProgress>
{
    public void Report(AdaHessian.Training.TrainingProgress value) => report();
}
