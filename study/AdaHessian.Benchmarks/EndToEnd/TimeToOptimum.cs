using System.Diagnostics;
using System.Globalization;
using AdaHessian.Curvature;
using AdaHessian.Datasets;
using AdaHessian.MLNet;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Benchmarks.EndToEnd;

/// <summary>One trainer's row in the end-to-end table.</summary>
internal sealed record TrainerResult(
    string Trainer,
    string Setting,
    bool Reached,
    double MedianSeconds,
    double MinSeconds,
    double MaxSeconds,
    int Runs,
    double Objective,
    double RelativeGap,
    double TestLogLossBits,
    double TestAuc,
    long PeakHeapGrowth,
    long Allocated,
    string Note);

/// <summary>One problem's results; <paramref name="Reference"/> is θ of the tight L-BFGS run.</summary>
internal sealed record ProblemResult(Problem Problem, double Optimum, string OptimumSource, List<TrainerResult> Trainers,
    double[]? Reference = null);

/// <summary>
/// Time for each trainer to bring the L2-regularised training objective F (the core's F/Ω, evaluated on the
/// returned model's weights for every trainer) within <see cref="Tolerance"/> relative of F*, F* being the best of
/// a tight L-BFGS run and every run made here. Every timed call is a full <c>Fit</c> on an ML.NET data view that is
/// cached in memory and primed beforehand, so every trainer pays its own copy of the data.
/// </summary>
internal sealed class TimeToOptimum(MLContext ml, int repeats, Action<string> log)
{
    public const double Tolerance = 1e-3;

    /// <summary>A fit longer than this is timed once, and ends a sweep, to keep the whole run near ten minutes.</summary>
    public const double LongFitSeconds = 10;

    public ProblemResult Run(Problem problem)
    {
        log($"[{problem.Name}] {problem.Train.Rows} × {problem.Train.Columns} ({(problem.Train.IsSparse ? "sparse" : "dense")}), preparing views");
        var objective = new LogisticObjective(problem.Train.ToDataset(), LossKind.LogLoss, problem.L2);
        IDataView train = ml.Data.Cache(problem.Train.ToDataView(ml));
        IDataView test = ml.Data.Cache(problem.Test.ToDataView(ml));
        Prime(train);
        Prime(test);

        var clock = Stopwatch.StartNew();
        var reference = Fit(train, Lbfgs(problem, 1e-10f, 100_000));
        double fLbfgs = Objective(objective, reference);
        log($"[{problem.Name}] tight L-BFGS: F = {fLbfgs:R} in {clock.Elapsed.TotalSeconds:F1} s");

        // Pass 1: find the cheapest setting of each trainer that reaches the target (against the best F seen so far).
        double best = fLbfgs;
        var adaHessianOptions = problem.AdaHessian();
        var adamOptions = problem.Adam();
        (int adaEpochs, double adaF, bool adaReached) = EpochsToTarget(objective, adaHessianOptions, fLbfgs);
        (int adamEpochs, double adamF, bool adamReached) = EpochsToTarget(objective, adamOptions, fLbfgs);
        best = Math.Min(best, Math.Min(adaF, adamF));
        log($"[{problem.Name}] core loop: AdaHessian {adaEpochs} epochs (F {adaF:R}), Adam {adamEpochs} epochs (F {adamF:R})");

        var lbfgsSweep = new List<(float Tol, double F, IEstimator<ITransformer> Trainer)>();
        foreach (float tol in new[] { 1e-2f, 1e-3f, 1e-4f, 1e-5f, 1e-6f, 1e-7f, 1e-8f })
        {
            var trainer = Lbfgs(problem, tol, 100_000);
            double f = Objective(objective, Fit(train, trainer));
            lbfgsSweep.Add((tol, f, trainer));
            best = Math.Min(best, f);
            if (f <= Target(best))
            {
                break;
            }
        }

        var sdcaSweep = new List<(int Iterations, double F, IEstimator<ITransformer> Trainer)>();
        foreach (int iterations in new[] { 1, 2, 4, 8, 16, 32, 64 })
        {
            var trainer = Sdca(problem, iterations);
            var sweepClock = Stopwatch.StartNew();
            double f = Objective(objective, Fit(train, trainer));
            sdcaSweep.Add((iterations, f, trainer));
            best = Math.Min(best, f);
            if (f <= Target(best) || sweepClock.Elapsed.TotalSeconds > LongFitSeconds)
            {
                break;
            }
        }

        double optimum = best;
        string source = optimum == fLbfgs ? "tight L-BFGS (tolerance 1e-10)" : "best run (below the tight L-BFGS run)";
        double target = Target(optimum);
        log($"[{problem.Name}] F* = {optimum:R} ({source}); target F ≤ {target:R}");

        var results = new List<TrainerResult>();
        results.Add(TimeOurs(problem, "AdaHessianTrainer", adaHessianOptions, adaEpochs, adaReached, o => new AdaHessianTrainer(ml, (AdaHessianTrainer.Options)o),
            objective, train, test, optimum, Describe(adaHessianOptions)));
        results.Add(TimeOurs(problem, "AdamTrainer", adamOptions, adamEpochs, adamReached, o => new AdamTrainer(ml, (AdamTrainer.Options)o),
            objective, train, test, optimum, Describe(adamOptions)));

        var lbfgsHit = lbfgsSweep.FirstOrDefault(s => s.F <= target);
        var lbfgsPick = lbfgsHit.Trainer is null ? lbfgsSweep[^1] : lbfgsHit;
        results.Add(TimeTheirs("LbfgsLogisticRegression", $"OptimizationTolerance {lbfgsPick.Tol:0e0}, L1 0, L2 {problem.L2}; sweep 1e-2…1e-8, first reaching the target",
            lbfgsPick.Trainer, objective, train, test, optimum));

        var sdcaHit = sdcaSweep.FirstOrDefault(s => s.F <= target);
        var sdcaPick = sdcaHit.Trainer is null ? sdcaSweep[^1] : sdcaHit;
        results.Add(TimeTheirs("SdcaLogisticRegression", $"MaximumNumberOfIterations {sdcaPick.Iterations}, L1 0, L2 λ/n = {problem.L2 / problem.Train.Rows:G3}; sweep 1, 2, 4 … 64, first reaching the target (the sweep also ends after a fit longer than {LongFitSeconds} s)",
            sdcaPick.Trainer, objective, train, test, optimum));

        return new ProblemResult(problem, optimum, source, results, Parameters(reference, objective.ParameterCount));
    }

    private double Target(double optimum) => optimum + Tolerance * Math.Abs(optimum);

    // Runs the trainer's own plan (same optimizer, schedule and seed) and stops at the first epoch whose full objective is
    // within the tolerance of the reference, so the trainer can then be timed at exactly that many epochs.
    private static (int Epochs, double F, bool Reached) EpochsToTarget(LogisticObjective objective,
        LogisticNeuronTrainerOptions options, double reference)
    {
        double target = reference + Tolerance * Math.Abs(reference);
        using var stop = new CancellationTokenSource();
        int reachedAt = -1;
        double last = double.NaN;
        var progress = new Watcher(p =>
        {
            last = p.Objective;
            if (p.Objective <= target && reachedAt < 0)
            {
                reachedAt = p.Epoch;
                stop.Cancel();
            }
        });
        try
        {
            TrainingPlan.For(options, options.Seed!.Value).Run(objective.Data, progress, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return (reachedAt < 0 ? options.NumberOfEpochs : reachedAt, last, reachedAt > 0);
    }

    private TrainerResult TimeOurs(Problem problem, string name, LogisticNeuronTrainerOptions options, int epochs, bool reached,
        Func<LogisticNeuronTrainerOptions, IEstimator<ITransformer>> create, LogisticObjective objective, IDataView train,
        IDataView test, double optimum, string setting)
    {
        options.NumberOfEpochs = epochs;
        double target = Target(optimum);
        double f = Objective(objective, Fit(train, create(options)));
        int extra = 0;
        while (reached && f > target && extra < 3)
        {
            options.NumberOfEpochs = ++epochs;
            extra++;
            f = Objective(objective, Fit(train, create(options)));
        }

        string schedule = reached
            ? $"{epochs} epochs (first epoch within the target in the core loop with the same seed)"
            : $"target not reached within the cap of {epochs} epochs; time and F at the cap";
        return Time(name, $"{setting}; {schedule}",
            create(options), objective, train, test, optimum);
    }

    private TrainerResult TimeTheirs(string name, string setting, IEstimator<ITransformer> trainer, LogisticObjective objective,
        IDataView train, IDataView test, double optimum) => Time(name, setting, trainer, objective, train, test, optimum);

    private TrainerResult Time(string name, string setting, IEstimator<ITransformer> trainer, LogisticObjective objective,
        IDataView train, IDataView test, double optimum)
    {
        var seconds = new List<double>();
        ITransformer model = null!;
        for (int r = 0; r < repeats; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            model = trainer.Fit(train);
            seconds.Add(clock.Elapsed.TotalSeconds);
            if (seconds[^1] > LongFitSeconds)
            {
                break;
            }
        }

        var (_, peak, allocated) = MemorySampler.Measure(() => trainer.Fit(train));
        double f = Objective(objective, model);
        double gap = (f - optimum) / Math.Abs(optimum);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
        seconds.Sort();
        var result = new TrainerResult(name, setting, gap <= Tolerance * (1 + 1e-9), Median(seconds), seconds[0], seconds[^1], seconds.Count,
            f, gap, metrics.LogLoss, metrics.AreaUnderRocCurve, peak, allocated, "");
        log($"  {name}: median {result.MedianSeconds:F3} s, F {f:R} (gap {gap:E2}), test log-loss {metrics.LogLoss:F4} bits, AUC {metrics.AreaUnderRocCurve:F4}, peak heap +{peak / 1e6:F0} MB");
        return result;
    }

    private IEstimator<ITransformer> Lbfgs(Problem problem, float tolerance, int iterations) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = problem.L2,
            OptimizationTolerance = tolerance,
            MaximumNumberOfIterations = iterations,
        });

    // SDCA minimises (1/n)Σℓ + (λₛ/2)‖w‖², so λₛ = λ/n gives the same minimiser as Σℓ + (λ/2)‖w‖².
    private IEstimator<ITransformer> Sdca(Problem problem, int iterations) =>
        ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = problem.L2 / problem.Train.Rows,
            MaximumNumberOfIterations = iterations,
            ConvergenceTolerance = 1e-9f,
        });

    private ITransformer Fit(IDataView train, IEstimator<ITransformer> trainer) => trainer.Fit(train);

    /// <summary>F/Ω at the model's weights and bias, in double, by the core objective.</summary>
    public static double Objective(LogisticObjective objective, ITransformer model) =>
        objective.Value(objective.AllRows, Parameters(model, objective.ParameterCount));

    /// <summary>The model's θ = (w, b) in double; <paramref name="count"/> (weights + 1) guards against a model of another size.</summary>
    public static double[] Parameters(ITransformer model, int count)
    {
        double[] theta = ModelParameters.Theta(model);
        return theta.Length == count
            ? theta
            : throw new InvalidOperationException($"The model has {theta.Length} parameters, the objective {count}.");
    }

    private static string Describe(LogisticNeuronTrainerOptions o) => string.Format(CultureInfo.InvariantCulture,
        "batch {0}, learning rate {1:G3}{2}, L2 {3}, seed {4}, threads {5}",
        o.BatchSize?.ToString(CultureInfo.InvariantCulture) ?? "full", o.LearningRate,
        o is AdaHessianTrainer.Options a ? $", curvature {a.Curvature}" : "", o.L2Regularization, o.Seed,
        o.NumberOfThreads?.ToString(CultureInfo.InvariantCulture) ?? "all");

    private static void Prime(IDataView view)
    {
        using var cursor = view.GetRowCursor(view.Schema);
        while (cursor.MoveNext())
        {
        }
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private sealed class Watcher(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
