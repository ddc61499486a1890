using System.Reflection;
using AdaHessian.MLNet.Data;
using AdaHessian.MLNet.Tests.TestSupport;
using AdaHessian.Training;
using Microsoft.ML;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>ML.NET's training conventions: a validation set with early stopping, and a warm start from a linear model.</summary>
public sealed class ValidationAndWarmStartTests
{
    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void Both_trainers_declare_validation_and_incremental_training(string trainer)
    {
        // SupportsValidation and SupportsIncrementalTraining are internal in ML.NET; its own components read them.
        var info = Trainers.Create(trainer, new MLContext(1)).Info;
        bool Flag(string name) => (bool)typeof(TrainerInfo).GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!
            .GetValue(info)!;
        Assert.True(Flag("SupportsValidation"));
        Assert.True(Flag("SupportsIncrementalTraining"));
        Assert.True(info.NeedNormalization);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void With_a_validation_set_the_model_is_the_best_validation_epochs(string trainer)
    {
        // Few noisy rows, no L2 and many epochs: the model overfits, so the validation loss turns up and training stops.
        var ml = new MLContext(seed: 2);
        var train = DenseView(ml, rows: 60, featureCount: 12, seed: 3);
        var validation = DenseView(ml, rows: 400, featureCount: 12, seed: 4);
        var losses = new List<double>();
        var parameters = new List<float[]>();
        var observer = new Observer(r =>
        {
            losses.Add(r.ValidationObjective);
            parameters.Add(r.Parameters.ToArray().Select(v => (float)v).ToArray());
        });
        LogisticNeuronTrainerOptions options = null!;
        var model = Fit(trainer, ml, o =>
        {
            options = o;
            o.L2Regularization = 0;
            o.NumberOfEpochs = 300;
            o.BatchSize = int.MaxValue;
            o.EarlyStoppingRound = 4;
            o.Observer = observer;
        }, train, validation);

        // The independent truth: the validation loss the observer saw after each epoch (epoch e at index e − 1).
        int best = losses.IndexOf(losses.Min()) + 1;
        Assert.True(losses.Count < 300, "stopped early");
        Assert.Equal(best + 4 * 10, losses.Count); // full batch: 4 windows of 10 steps
        Assert.Equal(parameters[best - 1], Trainers.Parameters(model));
        Assert.Equal(4, options.EarlyStoppingRound);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void A_warm_start_continues_from_the_given_model(string trainer)
    {
        var ml = new MLContext(seed: 6);
        var view = DenseView(ml, rows: 300);
        LogisticNeuronTrainerOptions options = null!;
        var first = Trainers.Create(trainer, ml, o => { o.NumberOfEpochs = 3; o.Seed = 8; });
        var firstModel = first.Fit(view);

        var secondModel = Trainers.Create(trainer, ml, o => { options = o; o.NumberOfEpochs = 4; o.Seed = 8; }) switch
        {
            AdaHessianTrainer a => a.Fit(view, firstModel.Model.SubModel),
            AdamTrainer a => a.Fit(view, firstModel.Model.SubModel),
            _ => throw new InvalidOperationException(),
        };

        // The same plan run on the core from the first model's (Single) weights.
        var data = DataViewReader.Read(view, SchemaValidation.Check(view.Schema, options)).Dataset!;
        double[] start = [.. Trainers.Parameters(firstModel).Select(v => (double)v)];
        TrainingResult expected = TrainingPlan.For(options, seed: 8).Run(data, initialParameters: start);
        Assert.Equal(expected.Parameters.Select(v => (float)v).ToArray(), Trainers.Parameters(secondModel));
        Assert.NotEqual(Trainers.Parameters(firstModel), Trainers.Parameters(secondModel));
    }

    [Fact]
    public void Mismatched_sizes_are_named()
    {
        var ml = new MLContext(seed: 1);
        var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { NumberOfEpochs = 1 });
        var six = DenseView(ml, featureCount: 6);
        var seven = DenseView(ml, featureCount: 7);

        Assert.Equal("validationData", Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(six, seven)).ParamName);
        var sevenWeights = trainer.Fit(seven).Model.SubModel;
        Assert.Equal("modelParameters", Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(six, sevenWeights)).ParamName);
        Assert.Throws<ArgumentNullException>(() => trainer.Fit(six, (IDataView)null!));
    }

    private static Microsoft.ML.Data.BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<
        Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>> Fit(
        string trainer, MLContext ml, Action<LogisticNeuronTrainerOptions> configure, IDataView train, IDataView validation) =>
        Trainers.Create(trainer, ml, configure) switch
        {
            AdaHessianTrainer a => a.Fit(train, validation),
            AdamTrainer a => a.Fit(train, validation),
            _ => throw new InvalidOperationException(),
        };
}
