using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Multiclass;

/// <summary>
/// A softmax layer p = softmax(W x + b) in double: row k of W (class-major, <c>Weights[k·d + j]</c>) and bias bₖ
/// belong to the class whose label value is <c>LabelOfClass[k]</c> (a key column's order, not the label's).
/// </summary>
internal sealed class SoftmaxModel
{
    private SoftmaxModel(double[] weights, double[] biases, int[] labelOfClass, int features)
    {
        Weights = weights;
        Biases = biases;
        LabelOfClass = labelOfClass;
        Features = features;
    }

    /// <summary>W, class-major.</summary>
    public double[] Weights { get; }

    /// <summary>b, one per class.</summary>
    public double[] Biases { get; }

    /// <summary>The label value of each class (row of W).</summary>
    public int[] LabelOfClass { get; }

    /// <summary>d, the feature count.</summary>
    public int Features { get; }

    /// <summary>K, the class count.</summary>
    public int Classes => Biases.Length;

    /// <summary>
    /// From the trainers' parameter vector, class-major with each block's bias last (wₖ₁ … w_kd, bₖ), as
    /// <c>TrainingProgress.Parameters</c> reports it.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not K·(d + 1).</exception>
    public static SoftmaxModel FromBlocks(ReadOnlySpan<double> theta, int features, int[] labelOfClass)
    {
        ArgumentNullException.ThrowIfNull(labelOfClass);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        int classes = labelOfClass.Length;
        if (classes == 0 || labelOfClass.Any(l => l < 0) || labelOfClass.Distinct().Count() != classes)
        {
            throw new ArgumentException("The class labels must be distinct, non-negative and at least one.", nameof(labelOfClass));
        }

        if (theta.Length != classes * (features + 1))
        {
            throw new ArgumentException(
                $"Expected {classes} × ({features} + 1) = {classes * (features + 1)} parameters, got {theta.Length}.", nameof(theta));
        }

        var weights = new double[classes * features];
        var biases = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            theta.Slice(k * (features + 1), features).CopyTo(weights.AsSpan(k * features, features));
            biases[k] = theta[k * (features + 1) + features];
        }

        return new SoftmaxModel(weights, biases, (int[])labelOfClass.Clone(), features);
    }

    /// <summary>From an ML.NET maximum-entropy model (LbfgsMaximumEntropy's and ours).</summary>
    /// <exception cref="ArgumentException">The model's class count differs from <paramref name="labelOfClass"/>'s length.</exception>
    public static SoftmaxModel From(MaximumEntropyModelParameters model, int[] labelOfClass)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labelOfClass);
        VBuffer<float>[] rows = [];
        model.GetWeights(ref rows, out int classes);
        if (classes != labelOfClass.Length)
        {
            throw new ArgumentException($"The model has {classes} classes, the key {labelOfClass.Length}.", nameof(labelOfClass));
        }

        int features = rows[0].Length;
        var theta = new double[classes * (features + 1)];
        float[] biases = [.. model.GetBiases()];
        for (int k = 0; k < classes; k++)
        {
            float[] dense = rows[k].DenseValues().ToArray();
            for (int j = 0; j < features; j++)
            {
                theta[k * (features + 1) + j] = dense[j];
            }

            theta[k * (features + 1) + features] = biases[k];
        }

        return FromBlocks(theta, features, labelOfClass);
    }
}
