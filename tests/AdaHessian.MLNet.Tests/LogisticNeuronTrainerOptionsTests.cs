using AdaHessian.Optimizers;
using AdaHessian.Curvature;
using AdaHessian.Objective;
using Microsoft.ML;

namespace AdaHessian.MLNet.Tests;

public sealed class LogisticNeuronTrainerOptionsTests
{
    public static TheoryData<string, Action<AdaHessianTrainer.Options>> BrokenRules => new()
    {
        { "LabelColumnName", o => o.LabelColumnName = "" },
        { "FeatureColumnName", o => o.FeatureColumnName = null! },
        { "ExampleWeightColumnName", o => o.ExampleWeightColumnName = "" },
        { "NumberOfEpochs", o => o.NumberOfEpochs = 0 },
        { "BatchSize", o => o.BatchSize = 0 },
        { "LearningRate", o => o.LearningRate = 0 },
        { "LearningRate", o => o.LearningRate = float.NaN },
        { "LearningRate", o => o.LearningRate = float.PositiveInfinity },
        { "Beta1", o => o.Beta1 = 1 },
        { "Beta1", o => o.Beta1 = -0.1f },
        { "Beta2", o => o.Beta2 = 1 },
        { "Epsilon", o => o.Epsilon = 0 },
        { "WeightDecay", o => o.WeightDecay = -1 },
        { "L2Regularization", o => o.L2Regularization = -1 },
        { "L2Regularization", o => o.L2Regularization = float.NaN },
        { "Loss", o => o.Loss = (LossKind)7 },
        { "OptimizationTolerance", o => o.OptimizationTolerance = -1e-3f },
        { "NumberOfThreads", o => o.NumberOfThreads = 0 },
        { "HessianPower", o => o.HessianPower = 1.5f },
        { "HessianPower", o => o.HessianPower = -0.5f },
        { "Curvature", o => o.Curvature = (CurvatureKind)9 },
        { "HutchinsonSamples", o => o.HutchinsonSamples = 0 },
        { "SpatialAverageBlockSize", o => o.SpatialAverageBlockSize = 0 },
        { "HessianUpdateInterval", o => o.HessianUpdateInterval = 0 },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Validate_throws_ArgumentOutOfRangeException_naming_the_option_and_changes_nothing(string option, Action<AdaHessianTrainer.Options> breakRule)
    {
        var options = new AdaHessianTrainer.Options();
        breakRule(options);
        var before = Snapshot(options);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(option, ex.ParamName);
        Assert.Equal(before, Snapshot(options));
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void The_trainer_constructor_and_catalog_validate_the_options(string option, Action<AdaHessianTrainer.Options> breakRule)
    {
        var ml = new MLContext(seed: 1);
        var options = new AdaHessianTrainer.Options();
        breakRule(options);

        Assert.Equal(option, Assert.Throws<ArgumentOutOfRangeException>(() => new AdaHessianTrainer(ml, options)).ParamName);
        Assert.Equal(option, Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.AdaHessian(options)).ParamName);
    }

    [Fact]
    public void Adam_options_follow_the_shared_rules()
    {
        var ml = new MLContext(seed: 1);
        var options = new AdamTrainer.Options { Beta2 = 1.5f };

        Assert.Equal("Beta2", Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.Adam(options)).ParamName);
        new AdamTrainer.Options().Validate();
    }

    [Fact]
    public void Null_batch_size_seed_and_thread_count_are_valid()
    {
        new AdaHessianTrainer.Options { BatchSize = null, Seed = null, NumberOfThreads = null, ExampleWeightColumnName = null }.Validate();
    }

    [Fact]
    public void AdaHessian_options_start_at_the_documented_defaults()
    {
        var o = new AdaHessianTrainer.Options();

        Assert.Equal(SharedDefaults.LabelColumnName, o.LabelColumnName);
        Assert.Equal(SharedDefaults.FeatureColumnName, o.FeatureColumnName);
        Assert.Null(o.ExampleWeightColumnName);
        Assert.Equal(SharedDefaults.NumberOfEpochs, o.NumberOfEpochs);
        Assert.Null(o.BatchSize);
        Assert.Null(o.LearningRate);
        Assert.Equal(SharedDefaults.MinimumNumberOfSteps, o.MinimumNumberOfSteps);
        Assert.Equal(SharedDefaults.LearningRateDecay, o.LearningRateDecay);
        Assert.Equal(SharedDefaults.CenterFeatures, o.CenterFeatures);
        Assert.Null(o.Beta1);
        Assert.Equal(SharedDefaults.Beta1, o.GivenOrDefaultBeta1);
        Assert.Equal(SharedDefaults.Beta2, o.Beta2);
        Assert.Equal(AdaHessianTrainer.Defaults.Epsilon, o.Epsilon);
        Assert.Equal(SharedDefaults.WeightDecay, o.WeightDecay);
        Assert.Null(o.L2Regularization);
        Assert.Equal(SharedDefaults.L2Selection, o.L2Selection);
        Assert.Equal(SharedDefaults.Loss, o.Loss);
        Assert.Null(o.Seed);
        Assert.Equal(SharedDefaults.Shuffle, o.Shuffle);
        Assert.Equal(SharedDefaults.OptimizationTolerance, o.OptimizationTolerance);
        Assert.Null(o.NumberOfThreads);
        Assert.Equal(AdaHessianTrainer.Defaults.HessianPower, o.HessianPower);
        Assert.Equal(AdaHessianTrainer.Defaults.Curvature, o.Curvature);
        Assert.Equal(AdaHessianTrainer.Defaults.HutchinsonSamples, o.HutchinsonSamples);
        Assert.Equal(AdaHessianTrainer.Defaults.SpatialAverageBlockSize, o.SpatialAverageBlockSize);
        Assert.Equal(AdaHessianTrainer.Defaults.HessianUpdateInterval, o.HessianUpdateInterval);
        Assert.Equal(AdaHessian.Regularization.L2Method.CrossValidation, o.L2Selection);
        Assert.Equal(CurvatureKind.ExactDiagonal, o.Curvature);
        Assert.Equal((2000, LearningRateDecay.Cosine, true, 1e-6f), (o.MinimumNumberOfSteps, o.LearningRateDecay, o.CenterFeatures, o.OptimizationTolerance));
    }

    [Fact]
    public void Adam_options_start_at_the_documented_defaults()
    {
        var o = new AdamTrainer.Options();

        Assert.Equal(SharedDefaults.LabelColumnName, o.LabelColumnName);
        Assert.Equal(SharedDefaults.FeatureColumnName, o.FeatureColumnName);
        Assert.Equal(SharedDefaults.NumberOfEpochs, o.NumberOfEpochs);
        Assert.Null(o.BatchSize);
        Assert.Null(o.LearningRate);
        Assert.Null(o.Beta1);
        Assert.Equal(SharedDefaults.Beta1, o.GivenOrDefaultBeta1);
        Assert.Equal(SharedDefaults.Beta2, o.Beta2);
        Assert.Equal(AdamTrainer.Defaults.Epsilon, o.Epsilon);
        Assert.Equal(SharedDefaults.WeightDecay, o.WeightDecay);
        Assert.Null(o.L2Regularization);
        Assert.Equal(SharedDefaults.L2Selection, o.L2Selection);
        Assert.Equal(SharedDefaults.Loss, o.Loss);
        Assert.Equal(SharedDefaults.Shuffle, o.Shuffle);
        Assert.Equal(SharedDefaults.OptimizationTolerance, o.OptimizationTolerance);
        Assert.Equal(1e-8f, o.Epsilon);
    }

    [Fact]
    public void Both_trainers_share_the_schedule_so_only_the_optimizer_differs()
    {
        LogisticNeuronTrainerOptions a = new AdaHessianTrainer.Options(), b = new AdamTrainer.Options();
        Assert.Equal((a.NumberOfEpochs, a.BatchSize, a.MinimumNumberOfSteps, a.LearningRateDecay, a.CenterFeatures, a.L2Regularization, a.Shuffle),
            (b.NumberOfEpochs, b.BatchSize, b.MinimumNumberOfSteps, b.LearningRateDecay, b.CenterFeatures, b.L2Regularization, b.Shuffle));
    }

    private static string Snapshot(AdaHessianTrainer.Options o) => string.Join("|", typeof(AdaHessianTrainer.Options).GetFields()
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .Select(f => $"{f.Name}={f.GetValue(o)}"));
}
