using AdaHessian.Benchmarks.EndToEnd;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Benchmarks.Tests;

public class ObjectiveTests
{
    [Fact]
    public void ObjectiveOfAFittedModelIsTheRegularisedMeanLogLossAtItsWeights()
    {
        const float l2 = 1f;
        LabelledMatrix data = SyntheticGaussian.Dense(300, 4, seed: 9);
        var ml = new MLContext(seed: 1);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = l2,
            OptimizationTolerance = 1e-7f,
        }).Fit(data.ToDataView(ml));
        var linear = model.Model.SubModel;
        double[] w = linear.Weights.Select(x => (double)x).ToArray();
        double b = linear.Bias;

        // F = (Σ ln(1 + e^(−s·a)) + λ/2 ‖w‖²) / n, s = ±1 from the label, the bias not penalised.
        double sum = 0;
        for (int i = 0; i < data.Rows; i++)
        {
            double a = b;
            for (int j = 0; j < data.Columns; j++)
            {
                a += w[j] * data.Values[i * data.Columns + j];
            }

            double s = data.Labels[i] > 0.5f ? 1 : -1;
            sum += Math.Log(1 + Math.Exp(-s * a));
        }

        double expected = (sum + l2 / 2.0 * w.Sum(x => x * x)) / data.Rows;
        var objective = new LogisticObjective(data.ToDataset(), LossKind.LogLoss, l2);
        double f = TimeToOptimum.Objective(objective, model);

        Assert.Equal(expected, f, 1e-12);
        // A fitted model is well below the value at θ = 0, ln 2.
        Assert.True(f < Math.Log(2) - 0.01, $"F = {f}");

        // The time-to-target rule: within 1e-3 of F* relative.
        Assert.Equal(1e-3, TimeToOptimum.Tolerance);
    }
}
