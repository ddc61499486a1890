using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>The checked columns a trainer reads.</summary>
/// <param name="Features">A known-size vector of Single.</param>
/// <param name="Label">Boolean, or a key for the multiclass trainers.</param>
/// <param name="Weight">Single, or null when every row weighs 1.</param>
internal sealed record TrainingColumns(DataViewSchema.Column Features, DataViewSchema.Column Label, DataViewSchema.Column? Weight)
{
    /// <summary>The feature column's vector size.</summary>
    public int FeatureCount => ((VectorDataViewType)Features.Type).Size;
}
