namespace AdaHessian.Data;

/// <summary>
/// One row of a <see cref="FeatureMatrix"/>: either all <see cref="FeatureMatrix.ColumnCount"/> values (dense, empty
/// <see cref="Indices"/>) or the stored non-zeros with their column indices (sparse).
/// </summary>
public readonly ref struct FeatureRow
{
    internal FeatureRow(ReadOnlySpan<float> values, ReadOnlySpan<int> indices)
    {
        Values = values;
        Indices = indices;
    }

    /// <summary>The stored values.</summary>
    public ReadOnlySpan<float> Values { get; }

    /// <summary>Column index of each stored value; empty for a dense row.</summary>
    public ReadOnlySpan<int> Indices { get; }
}
