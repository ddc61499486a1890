using AdaHessian.Suite.Multiclass;

namespace AdaHessian.Suite.Data;

/// <summary>
/// Dense examples of a multiclass problem: one feature array per row and the index of each row's class in
/// <see cref="Classes"/>. The classes are the declared ones, in declared order, so a class may have no rows.
/// </summary>
internal sealed class MulticlassRows
{
    /// <summary>Checks and wraps the rows (the arrays are kept, not copied).</summary>
    /// <param name="features">One array per row, all of the same length.</param>
    /// <param name="labels">The class index of each row, in [0, <paramref name="classes"/>.Count).</param>
    /// <param name="classes">The declared class names, in order.</param>
    /// <exception cref="InvalidDataException">The counts differ, a row's width differs from the first's, or a label is out of range.</exception>
    public MulticlassRows(float[][] features, int[] labels, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        if (features.Length != labels.Length)
        {
            throw new InvalidDataException($"{features.Length} feature rows but {labels.Length} labels.");
        }

        if (classes.Count < 2)
        {
            throw new InvalidDataException($"A multiclass problem needs at least two declared classes, got {classes.Count}.");
        }

        int width = features.Length == 0 ? 0 : features[0].Length;
        for (int i = 0; i < features.Length; i++)
        {
            if (features[i].Length != width)
            {
                throw new InvalidDataException($"Row {i} has {features[i].Length} features, row 0 has {width}.");
            }

            if (labels[i] < 0 || labels[i] >= classes.Count)
            {
                throw new InvalidDataException($"Row {i} has class index {labels[i]}; there are {classes.Count} classes.");
            }
        }

        Features = features;
        Labels = labels;
        Classes = classes;
        FeatureCount = width;
    }

    /// <summary>The feature values, one array per row.</summary>
    public float[][] Features { get; }

    /// <summary>The class index of each row.</summary>
    public int[] Labels { get; }

    /// <summary>The declared class names, in order (the key order the trainers see).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>Features per row (0 when there are no rows).</summary>
    public int FeatureCount { get; }

    /// <summary>How many rows each class has, in class order.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes.Count];
        foreach (int label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>Rows <paramref name="rows"/>, in that order, with the same classes (the arrays are shared).</summary>
    public MulticlassRows Select(IReadOnlyList<int> rows) =>
        new([.. rows.Select(i => Features[i])], [.. rows.Select(i => Labels[i])], Classes);

    /// <summary>The same rows with other feature values (after normalising, say), labels and classes kept.</summary>
    /// <exception cref="InvalidDataException">The row count differs.</exception>
    public MulticlassRows WithFeatures(float[][] features) =>
        features.Length == Count ? new(features, Labels, Classes) : throw new InvalidDataException($"{features.Length} rows for {Count}.");

    /// <summary>The rows in the form the softmax metrics score (labels are the class indices).</summary>
    public LabelledRows ToLabelledRows() => new(Features, Labels);
}
