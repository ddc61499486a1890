using Microsoft.ML;

namespace AdaHessian.MLNet.Data;

/// <summary>The checked columns a trainer reads.</summary>
/// <param name="Features">A known-size vector of Single.</param>
/// <param name="Label">Boolean.</param>
/// <param name="Weight">Single, or null when every row weighs 1.</param>
internal sealed record TrainingColumns(DataViewSchema.Column Features, DataViewSchema.Column Label, DataViewSchema.Column? Weight);
