using AdaHessian.Suite.Data;
using Microsoft.ML;

namespace AdaHessian.Suite.Pipeline;

/// <summary>
/// What an ML.NET user would do before training: <c>NormalizeMinMax</c> on the features, fitted on the training view
/// and applied to both views. The normalised rows are then read back once and held in memory, so every trainer and
/// every metric sees the same floats and no fit pays for the normaliser.
/// </summary>
internal static class Preprocessing
{
    /// <summary>The split, min-max normalised when <paramref name="normalize"/>, as datasets and views.</summary>
    public static PreparedData Prepare(MLContext ml, DataSplit split, bool normalize)
    {
        bool sparse = split.Train.Features.IsSparse;
        var train = DataViews.ToView(ml, split.Train);
        var test = DataViews.ToView(ml, split.Test);
        if (!normalize)
        {
            return new PreparedData(split.Train, split.Test, train, test);
        }

        var normalizer = ml.Transforms.NormalizeMinMax(nameof(SuiteRow.Features)).Fit(train);
        var trainRows = ViewReader.ToDataset(normalizer.Transform(train), sparse);
        var testRows = ViewReader.ToDataset(normalizer.Transform(test), sparse);
        return new PreparedData(trainRows, testRows, DataViews.ToView(ml, trainRows), DataViews.ToView(ml, testRows));
    }
}
