using AdaHessian.Data;
using AdaHessian.Objective;

namespace AdaHessian.Suite.Multiclass;

/// <summary>‖∇F‖₂ of the per-row softmax objective at a model, from the core's <see cref="SoftmaxObjective"/> (its public API).</summary>
internal static class ReferenceGradient
{
    public static double Norm(LabelledRows data, SoftmaxModel model, double lambda)
    {
        int d = model.Features, k = model.Classes;
        var values = new float[(long)data.Count * d];
        for (int i = 0; i < data.Count; i++)
        {
            data.Rows[i].CopyTo(values, (long)i * d);
        }

        int[] classOfLabel = new int[model.LabelOfClass.Max() + 1];
        for (int c = 0; c < k; c++)
        {
            classOfLabel[model.LabelOfClass[c]] = c;
        }

        var dataset = new MulticlassDataset(FeatureMatrix.Dense(data.Count, d, values), [.. data.Labels.Select(y => classOfLabel[y])], k);
        var objective = new SoftmaxObjective(dataset, lambda);
        var theta = new double[k * (d + 1)];
        for (int c = 0; c < k; c++)
        {
            model.Weights.AsSpan(c * d, d).CopyTo(theta.AsSpan(c * (d + 1), d));
            theta[c * (d + 1) + d] = model.Biases[c];
        }

        var gradient = new double[theta.Length];
        objective.Evaluate(objective.AllRows, theta, gradient);
        return Math.Sqrt(gradient.Sum(g => g * g));
    }
}
