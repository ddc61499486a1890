using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Datasets;

/// <summary>One dataset of the suite: where it comes from, what it needs, and how to load its split.</summary>
/// <param name="Name">Short name, matched by <c>--dataset</c>.</param>
/// <param name="Source">Where the rows come from, for the report.</param>
/// <param name="RequiredFiles">Files that must exist; when one is missing the dataset is skipped.</param>
/// <param name="Package">The Debian package that ships the files, or null for generated data.</param>
/// <param name="Normalize">
/// True to min-max normalise the features on the training split. False only where the feature scale is the point of
/// the dataset (it would be undone by normalising).
/// </param>
/// <param name="Load">Reads or generates the training and test rows.</param>
internal sealed record SuiteDataset(
    string Name,
    string Source,
    IReadOnlyList<string> RequiredFiles,
    string? Package,
    bool Normalize,
    Func<DataSplit> Load)
{
    /// <summary>Why the dataset cannot run here, or null when all its files exist.</summary>
    public string? MissingReason()
    {
        var missing = RequiredFiles.Where(f => !File.Exists(f)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        string install = Package is null ? "" : $" (install the Debian package {Package}: sudo apt-get install {Package})";
        return $"missing {string.Join(", ", missing)}{install}";
    }
}
