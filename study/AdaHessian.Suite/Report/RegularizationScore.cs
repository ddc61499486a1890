namespace AdaHessian.Suite.Report;

/// <summary>How one regularisation source compares with L-BFGS at L2 = 1, over the datasets of a run.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="Datasets">Datasets that ran (not skipped as a whole).</param>
/// <param name="Succeeded">Datasets where the source returned a model.</param>
/// <param name="Skipped">Datasets where the source did not run (too large, too few rows).</param>
/// <param name="Errors">Datasets where it threw.</param>
/// <param name="Compared">Datasets where it and the baseline succeeded and the baseline's test log-loss is at least the excess floor.</param>
/// <param name="Better">Compared datasets where its test log-loss is below the baseline's × (1 − tolerance).</param>
/// <param name="Worse">Compared datasets where its test log-loss is above the baseline's × (1 + tolerance).</param>
/// <param name="MedianRatio">Median over compared datasets of its test log-loss over the baseline's (NaN without any).</param>
/// <param name="MaxRatio">The largest such ratio (NaN without any).</param>
/// <param name="MaxDataset">The dataset of <paramref name="MaxRatio"/>, or null.</param>
/// <param name="MinRatio">The smallest such ratio (NaN without any).</param>
/// <param name="MinDataset">The dataset of <paramref name="MinRatio"/>, or null.</param>
/// <param name="SmallestL2">The smallest L2 it chose (NaN without any).</param>
/// <param name="LargestL2">The largest L2 it chose (NaN without any).</param>
/// <param name="MedianSeconds">Median over successful datasets of its time (NaN without any).</param>
/// <param name="MaxSeconds">The longest of its times (NaN without any).</param>
/// <param name="SlowestDataset">The dataset of <paramref name="MaxSeconds"/>, or null.</param>
internal sealed record RegularizationScore(
    string Source,
    int Datasets,
    int Succeeded,
    int Skipped,
    int Errors,
    int Compared,
    int Better,
    int Worse,
    double MedianRatio,
    double MaxRatio,
    string? MaxDataset,
    double MinRatio,
    string? MinDataset,
    double SmallestL2,
    double LargestL2,
    double MedianSeconds,
    double MaxSeconds,
    string? SlowestDataset);
