using AdaHessian.Suite.Metrics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Trainers;

/// <summary>One trainer of the suite, created the way a user would, from the catalog of a fresh MLContext.</summary>
/// <param name="Name">Short name, matched by <c>--trainer</c>.</param>
/// <param name="Settings">What it is run with, for the report.</param>
/// <param name="Create">The estimator, from the context's binary classification catalog.</param>
internal sealed record SuiteTrainer(
    string Name,
    string Settings,
    Func<MLContext, IEstimator<BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>>> Create)
{
    /// <summary>Fits the trainer on <paramref name="train"/> in <paramref name="ml"/> and returns its linear model.</summary>
    public LinearModel Fit(MLContext ml, IDataView train) => ToLinearModel(Create(ml).Fit(train).Model);

    /// <summary>The weights, bias and Platt calibrator of a fitted model.</summary>
    public static LinearModel ToLinearModel(CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> model)
    {
        var linear = model.SubModel;
        return new LinearModel([.. linear.Weights], linear.Bias, model.Calibrator.Slope, model.Calibrator.Offset);
    }
}
