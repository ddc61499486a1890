using Microsoft.ML.Data;

namespace AdaHessian.Suite.Pipeline;

/// <summary>One row as ML.NET sees it: a Boolean label and a dense or sparse feature vector.</summary>
internal sealed class SuiteRow
{
    /// <summary>The class.</summary>
    public bool Label { get; set; }

    /// <summary>The features; the vector size comes from the schema definition.</summary>
    public VBuffer<float> Features { get; set; }
}
