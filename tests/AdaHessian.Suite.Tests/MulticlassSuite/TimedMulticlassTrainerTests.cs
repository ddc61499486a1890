using AdaHessian.MLNet;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.MulticlassSuite;
using Microsoft.ML;

namespace AdaHessian.Suite.Tests.MulticlassSuite;

public class TimedMulticlassTrainerTests
{
    private static readonly PreparedMulticlass Data =
        MulticlassPreparation.Prepare(StratifiedSplit.Split(MulticlassWarmup.Blobs(3, 40, 4, seed: 9)));

    private static IMulticlassMethod Method(string name) => MulticlassSuiteMethods.All.Single(m => m.Name == name);

    [Fact]
    public void The_defaults_report_the_L2_they_chose_and_that_L2_given_fits_the_same_model()
    {
        MulticlassMethodOutcome chosen = Method(MulticlassSuiteMethods.AdaHessianDefaults).Run(Data, 2);
        var given = new TimedMulticlassTrainer("given", "", ml => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(
            new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = (float)chosen.L2 }), chosen.L2).Run(Data, 1);

        Assert.True(chosen.Succeeded, chosen.Error);
        Assert.Equal(2, chosen.Seconds.Count);
        Assert.StartsWith("L2 chosen by ", chosen.Note, StringComparison.Ordinal);
        Assert.InRange(chosen.L2, 1e-6, 1e4);
        Assert.Equal(given.TestLogLoss, chosen.TestLogLoss);
        Assert.Equal(given.Accuracy, chosen.Accuracy);
    }

    [Fact]
    public void A_given_L2_is_reported_as_given_and_the_test_scores_are_those_of_ML_NET_s_evaluator()
    {
        MulticlassMethodOutcome lbfgs = Method(MulticlassSuiteMethods.LbfgsFixed).Run(Data, 1);
        var ml = new MLContext(seed: 0);
        var model = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l1Regularization: 0, l2Regularization: 1).Fit(Data.TrainView);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(Data.TestView));

        Assert.Equal(1, lbfgs.L2);
        Assert.Null(lbfgs.Note);
        Assert.Equal(metrics.LogLoss, lbfgs.TestLogLoss, 12);
        Assert.Equal(metrics.MicroAccuracy, lbfgs.Accuracy, 12);
    }

    [Fact]
    public void A_fit_that_throws_is_the_outcome_with_its_exception()
    {
        var broken = new TimedMulticlassTrainer("broken", "", ml => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(
            new AdaHessianMaximumEntropyTrainer.Options { FeatureColumnName = "Nothing" }), null).Run(Data, 3);

        Assert.False(broken.Succeeded);
        Assert.Single(broken.Seconds);
        Assert.StartsWith("ArgumentOutOfRangeException", broken.Error, StringComparison.Ordinal);
        Assert.True(double.IsNaN(broken.TestLogLoss));
    }
}
