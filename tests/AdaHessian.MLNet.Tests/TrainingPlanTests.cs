using System.Reflection;
using AdaHessian.Curvature;
using AdaHessian.MLNet.Data;
using AdaHessian.MLNet.Tests.TestSupport;
using AdaHessian.Optimizers;
using AdaHessian.Training;
using Microsoft.ML;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>The one mapping from trainer options to core settings, the observer it carries, and cancellation.</summary>
public sealed class TrainingPlanTests
{
    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void The_plan_run_on_the_core_is_the_trainers_fit_bit_for_bit(string trainer)
    {
        var ml = new MLContext(seed: 5);
        var view = DenseView(ml, rows: 300);
        LogisticNeuronTrainerOptions options = null!;
        var model = Trainers.Create(trainer, ml, o => { options = o; o.Seed = 21; }).Fit(view);

        var data = DataViewReader.Read(view, SchemaValidation.Check(view.Schema, options)).Dataset!;
        TrainingResult result = TrainingPlan.For(options, seed: 21).Run(data);

        Assert.Equal(result.Parameters.Select(v => (float)v).ToArray(), Trainers.Parameters(model));
    }

    [Fact]
    public void AdaHessian_options_map_to_the_curvature_and_chain_they_name()
    {
        var options = new AdaHessianTrainer.Options
        {
            LearningRate = 0.25f, HessianPower = 0.5f, Curvature = CurvatureKind.ExactDiagonal, HutchinsonSamples = 3,
            SpatialAverageBlockSize = 4, HessianUpdateInterval = 2, NumberOfEpochs = 7, BatchSize = 64, MinimumNumberOfSteps = 0,
            OptimizationTolerance = 1e-4f, LearningRateDecay = LearningRateDecay.Linear,
        };
        var ml = new MLContext(seed: 1);
        var data = DataViewReader.Read(DenseView(ml, rows: 300), SchemaValidation.Check(DenseView(ml).Schema, options)).Dataset!;
        ResolvedPlan plan = TrainingPlan.For(options, seed: 9).Resolve(TrainingPlan.For(options, 9).CreateObjective(data, 1),
            new double[data.FeatureCount + 1], data.RowCount, data.Features.StoredValueCount);

        Assert.Equal(new CurvatureOptions(CurvatureKind.ExactDiagonal, 3, 4, 2), plan.Training.Curvature);
        Assert.Equal((7, (int?)64, 9, (double)1e-4f), (plan.Training.NumberOfEpochs, plan.Training.BatchSize, plan.Training.Seed,
            plan.Training.OptimizationTolerance));
        Assert.Equal(new ScaleByMoments(0.9f, 0.999f, 1e-4f, 0.5, SecondMomentSource.Curvature), plan.Optimizer.Links[0]);
        Assert.Equal(new ScaleByLearningRate(new LinearDecayLearningRate(0.25f, 7 * 5)), plan.Optimizer.Links[2]);
        Assert.StartsWith("AdaHessian exact (k=0.5), η 0.25 (given), β₁ 0.9, Linear decay over 35 steps, batch 64, 7 epochs", plan.Description,
            StringComparison.Ordinal);
        Assert.Null(TrainingPlan.For(new AdamTrainer.Options(), seed: 0).Resolve(TrainingPlan.For(new AdamTrainer.Options(), 0)
            .CreateObjective(data, 1), new double[data.FeatureCount + 1], data.RowCount, data.Features.StoredValueCount).Training.Curvature);
    }

    [Fact]
    public void Trainer_defaults_agree_with_the_cores_settings()
    {
        var core = new TrainingOptions();
        var adaHessian = new AdaHessianTrainer.Options();
        var adam = new AdamTrainer.Options();
        var coreAdaHessian = new AdaHessianOptions();
        var coreAdam = new AdamOptions();
        var coreCurvature = new CurvatureOptions();
        foreach (LogisticNeuronTrainerOptions o in new LogisticNeuronTrainerOptions[] { adaHessian, adam })
        {
            Assert.Equal((core.NumberOfEpochs, core.Shuffle, core.EarlyStoppingRound), (o.NumberOfEpochs, o.Shuffle, o.EarlyStoppingRound));
        }

        // The official AdaHessian is the core's AdaHessian at its defaults, with Hutchinson's estimate.
        AdaHessianTrainer.Options official = AdaHessianTrainer.Options.Official();
        Assert.Equal(((float)coreAdaHessian.LearningRate, (float)coreAdaHessian.Beta1, (float)coreAdaHessian.Beta2,
                (float)coreAdaHessian.Epsilon, (float)coreAdaHessian.HessianPower, (float)coreAdaHessian.WeightDecay),
            (official.LearningRate!.Value, official.GivenOrDefaultBeta1, official.Beta2, official.Epsilon, official.HessianPower, official.WeightDecay));
        Assert.Equal((coreCurvature.Kind, coreCurvature.HutchinsonSamples, coreCurvature.SpatialAverageBlockSize, coreCurvature.HessianUpdateInterval),
            (official.Curvature, official.HutchinsonSamples, official.SpatialAverageBlockSize, official.HessianUpdateInterval));
        Assert.Equal((core.BatchSize, 0, LearningRateDecay.None, false, 0f),
            (official.BatchSize, official.MinimumNumberOfSteps, official.LearningRateDecay, official.CenterFeatures, official.OptimizationTolerance));
        Assert.Equal(((float)coreAdam.Beta1, (float)coreAdam.Beta2, (float)coreAdam.Epsilon, (float)coreAdam.WeightDecay),
            (adam.GivenOrDefaultBeta1, adam.Beta2, adam.Epsilon, adam.WeightDecay));

        // The core's Adam rate is the trainer's automatic one on mini-batches, the core's default batch.
        Assert.Equal(AdamTrainer.Defaults.MiniBatchLearningRate, coreAdam.LearningRate);
        Assert.Equal(256, core.BatchSize);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void The_observer_gets_every_epoch_and_the_last_parameters_are_the_models(string trainer)
    {
        var ml = new MLContext(seed: 3);
        var reports = new List<TrainingProgress>();
        var last = Array.Empty<double>();
        var observer = new Observer(r =>
        {
            reports.Add(r);
            last = r.Parameters.ToArray();
        });

        var model = Trainers.Create(trainer, ml, o => { o.NumberOfEpochs = 5; o.Observer = observer; }).Fit(DenseView(ml));

        Assert.Equal([1, 2, 3, 4, 5], reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.Equal(5, r.TotalEpochs));
        Assert.Equal(last.Select(v => (float)v).ToArray(), Trainers.Parameters(model));
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Cancelling_the_context_stops_a_fit_between_steps_with_OperationCanceledException(string trainer)
    {
        // 5,000 epochs of 250 steps each would take many seconds; cancelled after the first epoch, the fit stops within
        // the cancellation poll (milliseconds), far from the end.
        var ml = new MLContext(seed: 1);
        int epochs = 0;
        var observer = new Observer(r =>
        {
            epochs = r.Epoch;
            if (r.Epoch == 1)
            {
                Cancel(ml);
            }
        });
        var estimator = Trainers.Create(trainer, ml, o => { o.NumberOfEpochs = 5_000; o.BatchSize = 8; o.OptimizationTolerance = 0; o.Observer = observer; });

        Assert.ThrowsAny<OperationCanceledException>(() => estimator.Fit(DenseView(ml, rows: 2_000)));
        Assert.InRange(epochs, 1, 4_999);

        // A cancelled context refuses to start another fit.
        Assert.ThrowsAny<OperationCanceledException>(() => Trainers.Create(trainer, ml).Fit(DenseView(new MLContext(1))));
    }

    // MLContext.CancelExecution is internal in ML.NET (AutoML calls it); the tests reach it the same way.
    private static void Cancel(MLContext ml) =>
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.Invoke(ml, null);
}
