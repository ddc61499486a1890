namespace AdaHessian.Data;

/// <summary>
/// Features, class labels in [0, <see cref="ClassCount"/>) and optional non-negative example weights: everything a
/// softmax (multinomial logistic) layer is fitted to.
/// </summary>
public sealed class MulticlassDataset
{
    /// <summary>Checks and wraps the arrays (not copied).</summary>
    /// <param name="features">One row per example.</param>
    /// <param name="labels">Class of each row, in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of classes, ≥ 1.</param>
    /// <param name="weights">Optional example weights, finite and ≥ 0, not all zero; null means all 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A length does not match, or a label, weight or the class count breaks its rule.</exception>
    public MulticlassDataset(FeatureMatrix features, int[] labels, int classCount, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "Must be ≥ 1.");
        }

        if (labels.Length != features.RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(labels),
                $"Expected one label per row ({features.RowCount}), got {labels.Length}.");
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels),
                    $"Label of row {i} is {labels[i]}; must be in [0, {classCount}).");
            }
        }

        TotalWeight = ExampleWeights.Total(weights, features.RowCount);
        Features = features;
        Labels = labels;
        ClassCount = classCount;
        Weights = weights;
    }

    /// <summary>The feature rows.</summary>
    public FeatureMatrix Features { get; }

    /// <summary>Class of each row, in [0, <see cref="ClassCount"/>).</summary>
    public int[] Labels { get; }

    /// <summary>Number of classes (parameter blocks of the softmax layer).</summary>
    public int ClassCount { get; }

    /// <summary>Example weights, or null when every row weighs 1.</summary>
    public float[]? Weights { get; }

    /// <summary>Ω: the sum of example weights (the row count when unweighted).</summary>
    public double TotalWeight { get; }

    /// <summary>Number of examples.</summary>
    public int RowCount => Features.RowCount;

    /// <summary>Number of features (weights per class, excluding the bias).</summary>
    public int FeatureCount => Features.ColumnCount;
}
