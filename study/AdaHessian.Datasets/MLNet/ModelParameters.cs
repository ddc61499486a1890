using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Datasets;

/// <summary>A fitted linear binary model as the core's parameter vector θ = (w₁, …, w_d, b) in double.</summary>
public static class ModelParameters
{
    /// <summary>Weights then bias of <paramref name="linear"/>.</summary>
    public static double[] Theta(LinearBinaryModelParameters linear) => [.. linear.Weights.Select(w => (double)w), linear.Bias];

    /// <summary>Weights then bias of a calibrated linear binary model (what our trainers and L-BFGS return).</summary>
    /// <exception cref="NotSupportedException">The model is of another kind.</exception>
    public static double[] Theta(ITransformer model) => model switch
    {
        BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> t => Theta(t.Model.SubModel),
        _ => throw new NotSupportedException($"Unexpected model type {model.GetType()}."),
    };
}
