using System.Diagnostics;
using AdaHessian.Curvature;
using AdaHessian.Optimizers;
using AdaHessian.Training;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>One training run of the sweep.</summary>
/// <param name="Final">F after the last epoch; +∞ when the run diverged.</param>
/// <param name="EpochsToTarget">The first epoch whose full-batch F meets the instance's target; null if none did.</param>
/// <param name="Diverged">True when training threw <see cref="TrainingDivergedException"/>.</param>
/// <param name="MillisecondsPerEpoch">Wall clock per epoch completed (timings only; never saved with the results).</param>
internal readonly record struct SweepRun(double Final, int? EpochsToTarget, bool Diverged, double MillisecondsPerEpoch)
{
    /// <summary>Trains <paramref name="optimizer"/> on the instance, full batch, single-threaded.</summary>
    public static SweepRun Execute(SweepInstance instance, int epochs, Optimizer optimizer, CurvatureOptions? curvature, int seed,
        CancellationToken cancellation)
    {
        var options = new TrainingOptions
        {
            NumberOfEpochs = epochs,
            BatchSize = null,
            Divergence = DivergenceCheck.NonFinite,
            Curvature = curvature,
            Seed = seed,
            History = HistoryGranularity.Epoch,
            RecordParameters = false,
        };
        var clock = Stopwatch.StartNew();
        try
        {
            TrainingResult result = TrainingLoop.Run(instance.Objective(), optimizer, options, instance.Start,
                cancellationToken: cancellation);
            double target = instance.Target;
            int? reached = result.History.FirstOrDefault(point => point.Objective <= target)?.Epoch;
            return new SweepRun(result.Objective, reached, false, clock.Elapsed.TotalMilliseconds / Math.Max(1, result.Epochs));
        }
        catch (TrainingDivergedException diverged)
        {
            return new SweepRun(double.PositiveInfinity, null, true, clock.Elapsed.TotalMilliseconds / Math.Max(1, diverged.Epoch));
        }
    }
}
