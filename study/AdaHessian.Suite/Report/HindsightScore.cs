namespace AdaHessian.Suite.Report;

/// <summary>How far one method's test log-loss is from the best grid L2 in hindsight, over the datasets of a run.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Datasets">Datasets where it and the path gave a model.</param>
/// <param name="MedianRatio">Median of its test log-loss over the path's lowest (NaN without datasets).</param>
/// <param name="MaxRatio">The largest such ratio (NaN without datasets).</param>
/// <param name="MaxDataset">The dataset of <paramref name="MaxRatio"/>, or null.</param>
/// <param name="WithinOnePercent">Datasets where the ratio is at most 1.01.</param>
/// <param name="WithinThreePercent">Datasets where the ratio is at most 1.03.</param>
internal sealed record HindsightScore(
    string Method,
    int Datasets,
    double MedianRatio,
    double MaxRatio,
    string? MaxDataset,
    int WithinOnePercent,
    int WithinThreePercent);
