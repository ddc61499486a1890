using AdaHessian.Data;
using AdaHessian.Datasets;
using Microsoft.ML;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>
/// Fashion-MNIST as ML.NET data views, built from the shared IDX reader: pixels are the reader's byte / 255, so
/// they already lie in [0, 1] and no normalizer is added. Row limits take the first images in file order.
/// </summary>
internal static class RealDataSets
{
    /// <summary>
    /// A binary dataset (label 1 = true) as a data view with the same rows, in the same order, with the same floats,
    /// so a model fitted through ML.NET and the core objective evaluated on <paramref name="data"/> see identical data.
    /// </summary>
    public static ImageData Binary(MLContext ml, LogisticDataset data) => new(DataViews.FromDataset(ml, data), data.RowCount);

    /// <summary>The first <paramref name="limit"/> images (all when null) with their class as a key label.</summary>
    public static ImageData AllClasses(MLContext ml, FashionMnist split, int? limit)
    {
        var rows = new ClassImageRow[Math.Min(limit ?? int.MaxValue, split.Rows)];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new ClassImageRow { Label = split.Labels[i], Features = split.Scaled(i) };
        }

        return new ImageData(ml.Data.LoadFromEnumerable(rows), rows.Length);
    }
}
