namespace AdaHessian.Data;

/// <summary>
/// Features, targets in [0, 1] and optional non-negative example weights: everything a logistic neuron is fitted to.
/// </summary>
public sealed class LogisticDataset
{
    /// <summary>Checks and wraps the arrays (not copied).</summary>
    /// <param name="features">One row per example.</param>
    /// <param name="labels">Target of each row, finite and in [0, 1] (0/1 for classification).</param>
    /// <param name="weights">Optional example weights, finite and ≥ 0, not all zero; null means all 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A length does not match, or a label or weight breaks its rule.</exception>
    public LogisticDataset(FeatureMatrix features, float[] labels, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != features.RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(labels),
                $"Expected one label per row ({features.RowCount}), got {labels.Length}.");
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if (!(labels[i] >= 0f && labels[i] <= 1f))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label of row {i} is {labels[i]}; must be in [0, 1].");
            }
        }

        TotalWeight = ExampleWeights.Total(weights, features.RowCount);
        Features = features;
        Labels = labels;
        Weights = weights;
    }

    /// <summary>The feature rows.</summary>
    public FeatureMatrix Features { get; }

    /// <summary>Target of each row, in [0, 1].</summary>
    public float[] Labels { get; }

    /// <summary>Example weights, or null when every row weighs 1.</summary>
    public float[]? Weights { get; }

    /// <summary>Ω: the sum of example weights (the row count when unweighted).</summary>
    public double TotalWeight { get; }

    /// <summary>Number of examples.</summary>
    public int RowCount => Features.RowCount;

    /// <summary>Number of features (weights of the neuron, excluding the bias).</summary>
    public int FeatureCount => Features.ColumnCount;
}
