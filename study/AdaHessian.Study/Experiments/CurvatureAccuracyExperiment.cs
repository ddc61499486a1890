using System.Diagnostics;
using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using AdaHessian.Study.Experiments.CurvatureAccuracy;
using AdaHessian.Training;

namespace AdaHessian.Study.Experiments;

/// <summary>
/// How accurate is Hutchinson's diagonal? At two fixed points θ of each problem (θ = 0, and θ after
/// <see cref="TrainingEpochs"/> full-batch epochs of exact-diagonal AdaHessian) it compares D̂ = avg_b |ê_N|, the
/// estimator's output with N probes and block size b, with D = avg_b |diag H| (the exact diagonal, same b):
/// relative error ‖D̂ − D‖₂ / ‖D‖₂ over <see cref="StudyProfile.EstimatorRepeats"/> probe seeds, its median and
/// quartiles, and the slope of log median error against log N (theory: −½). The error against the unaveraged
/// |diag H| is recorded too: as N grows it settles at the bias that averaging itself introduces.
/// </summary>
/// <remarks>
/// How one point is measured: <see cref="CurvatureMeasurement"/>. The products Hz come from H itself
/// (<see cref="DenseHessian"/>), the probes from the library's own <see cref="RademacherProbes"/>.
/// </remarks>
internal sealed class CurvatureAccuracyExperiment : IExperiment
{
    /// <summary>L2 strength of the objective on every problem.</summary>
    public const double L2 = 1;

    /// <summary>Full-batch epochs to the trained point.</summary>
    public const int TrainingEpochs = 50;

    /// <summary>
    /// Learning rate to the trained point. The default η = 0.15 oscillates upwards on raw Fashion-MNIST pixels;
    /// η = 0.05 lowers the objective on every problem.
    /// </summary>
    public const double TrainingRate = 0.05;

    private const double ConditionNumber = 100;
    private const int DataSeed = 1;
    private const int NegativeClass = 0;
    private const int PositiveClass = 6;

    public string Name => "curvature-accuracy";

    public ExperimentResult Run(StudyContext context)
    {
        StudyProfile profile = context.Profile;
        var timings = new List<TimingRow>();
        var clock = Stopwatch.StartNew();
        List<CurvatureProblem> problems =
        [
            new("synthetic-rotated", $"synthetic κ={ConditionNumber}, rotated", Synthetic(profile, rotated: true)),
            new("synthetic-axis-aligned", $"synthetic κ={ConditionNumber}, axis-aligned", Synthetic(profile, rotated: false)),
        ];
        if (context.FashionMnistDirectory is { } folder)
        {
            FashionMnist train = FashionMnist.LoadTrain(folder);
            string label = $"Fashion-MNIST {FashionMnist.ClassNames[NegativeClass]} vs {FashionMnist.ClassNames[PositiveClass]}";
            LogisticDataset pair = train.BinaryDataset(NegativeClass, PositiveClass, profile.FashionTrainRows);
            problems.Add(new("fashion-mnist", label, pair));
            timings.Add(new TimingRow(Name, "read Fashion-MNIST", clock.Elapsed.TotalMilliseconds));
        }

        context.Progress.Start("Curvature estimator accuracy", problems.Count * 2 * profile.EstimatorRepeats);
        var cells = new List<CurvatureCell>();
        foreach (CurvatureProblem problem in problems)
        {
            clock.Restart();
            var objective = new LogisticObjective(problem.Data, LossKind.LogLoss, L2, numberOfThreads: null);
            cells.Add(CurvatureMeasurement.Measure(problem, "initial", objective, new double[objective.ParameterCount], context));
            cells.Add(CurvatureMeasurement.Measure(problem, "trained", objective, Train(objective, context.Cancellation), context));
            timings.Add(new TimingRow(Name, problem.Key, clock.Elapsed.TotalMilliseconds));
        }

        var outcome = new CurvatureAccuracyOutcome(problems, cells, profile.HutchinsonSamples, profile.BlockSizes,
            profile.EstimatorRepeats, context.FashionMnistDirectory is not null);
        CurvatureAccuracyOutputs.WriteTables(context, outcome);
        CurvatureAccuracyOutputs.WriteFigures(context, outcome);
        return new ExperimentResult(CurvatureAccuracyReport.Summary(outcome), CurvatureAccuracyReport.Markdown(outcome), timings);
    }

    private static LogisticDataset Synthetic(StudyProfile profile, bool rotated) =>
        SyntheticLogistic.Generate(profile.SyntheticRows, profile.SyntheticFeatures, ConditionNumber, rotated, DataSeed);

    // θ after a fixed number of full-batch epochs of AdaHessian with the exact diagonal (no probes, so no seed).
    private static double[] Train(LogisticObjective objective, CancellationToken cancellation)
    {
        OptimizerVariant exact = OptimizerVariant.AdaHessianExact;
        var options = new TrainingOptions
        {
            NumberOfEpochs = TrainingEpochs, BatchSize = null, Curvature = exact.Curvature,
            History = HistoryGranularity.None, RecordParameters = false,
            Divergence = DivergenceCheck.NonFinite,
        };
        return TrainingLoop.Run(objective, exact.Create(TrainingRate), options, cancellationToken: cancellation).Parameters;
    }
}
