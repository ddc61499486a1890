using AdaHessian.Suite.Data;
using Microsoft.ML;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>
/// What an ML.NET user would do before training, as the binary suite's preprocessing: <c>NormalizeMinMax</c> on the
/// features, fitted on the training split and applied to both. The normalised rows are read back once, so every trainer,
/// the cross-validation's folds and the metrics see the same floats and no fit pays for the normaliser.
/// </summary>
internal static class MulticlassPreparation
{
    /// <summary>The normalised split, as rows and as cached views.</summary>
    public static PreparedMulticlass Prepare(MulticlassSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var ml = new MLContext(seed: 0);
        var normalizer = ml.Transforms.NormalizeMinMax(MulticlassViews.Features).Fit(MulticlassViews.Raw(ml, split.Train));
        MulticlassRows Normalized(MulticlassRows rows) =>
            rows.WithFeatures(MulticlassViews.ReadFeatures(normalizer.Transform(MulticlassViews.Raw(ml, rows))));
        MulticlassRows train = Normalized(split.Train), test = Normalized(split.Test);
        return new PreparedMulticlass(train, test, MulticlassViews.CachedAndPrimed(ml, MulticlassViews.Keyed(ml, train)),
            MulticlassViews.CachedAndPrimed(ml, MulticlassViews.Keyed(ml, test)));
    }
}
