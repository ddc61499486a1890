using System.Diagnostics;
using AdaHessian.Curvature;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Training;

namespace AdaHessian.Benchmarks.EndToEnd;

/// <summary>
/// <c>--filter tune</c>: epochs and core-loop seconds to the 1e-3 target for a grid of batch sizes and learning
/// rates, used to pick the trainers' settings in the end-to-end problems (printed, not written to the report).
/// </summary>
internal static class Tuning
{
    public static void Run(LabelledMatrix train, double optimum, int maxEpochs, Action<string> log)
    {
        var data = train.ToDataset();
        double target = optimum * (1 + TimeToOptimum.Tolerance);
        foreach (int? batch in new int?[] { null, 1024, 256 })
        {
            foreach (double lr in new[] { 0.15, 0.5, 1.0 })
            {
                foreach (CurvatureKind kind in new[] { CurvatureKind.Hutchinson })
                {
                    Try($"AdaHessian {kind} batch {batch?.ToString() ?? "full"} lr {lr}",
                        Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = lr }), new CurvatureOptions(kind, 1, 1, 1), batch);
                }

                Try($"Adam batch {batch?.ToString() ?? "full"} lr {lr / 10}", Optimizer.Adam(new AdamOptions { LearningRate = lr / 10 }), null, batch);
            }
        }

        void Try(string name, Optimizer optimizer, CurvatureOptions? curvature, int? batch)
        {
            var objective = new LogisticObjective(data, LossKind.LogLoss, 1);
            using var stop = new CancellationTokenSource();
            int reached = -1;
            double last = double.NaN;
            var clock = Stopwatch.StartNew();
            double seconds = double.NaN;
            try
            {
                TrainingLoop.Run(objective, optimizer,
                    new TrainingOptions
                    {
                        NumberOfEpochs = maxEpochs, BatchSize = batch, Seed = 1, Curvature = curvature, Divergence = DivergenceCheck.NonFinite,
                        History = HistoryGranularity.None,
                        RecordParameters = false,
                    },
                    default, new Watcher(p =>
                    {
                        last = p.Objective;
                        if (p.Objective <= target && reached < 0)
                        {
                            reached = p.Epoch;
                            seconds = clock.Elapsed.TotalSeconds;
                            stop.Cancel();
                        }
                    }), stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            catch (TrainingDivergedException)
            {
                last = double.PositiveInfinity;
            }

            log($"{name}: {(reached > 0 ? $"{reached} epochs, {seconds:F2} s" : $"not reached, F {last:R}, gap {(last - optimum) / optimum:E1}")}");
        }
    }

    private sealed class Watcher(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
