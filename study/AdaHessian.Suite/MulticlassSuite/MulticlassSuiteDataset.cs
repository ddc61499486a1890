using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>One dataset of the multiclass suite: where it comes from, which files it needs, and how to load its split.</summary>
/// <param name="Name">Short name, matched by <c>--dataset</c>.</param>
/// <param name="Source">What the rows are and where they come from, for the report.</param>
/// <param name="RequiredFiles">Files that must exist; when one is missing the dataset is skipped.</param>
/// <param name="Package">The Debian package that ships the files.</param>
/// <param name="FixedSplit">True when the files come split into training and test; else <see cref="StratifiedSplit"/> splits them.</param>
/// <param name="Load">Reads the files and returns the training and test rows.</param>
internal sealed record MulticlassSuiteDataset(
    string Name,
    string Source,
    IReadOnlyList<string> RequiredFiles,
    string Package,
    bool FixedSplit,
    Func<MulticlassSplit> Load)
{
    /// <summary>Why the dataset cannot run here, or null when all its files exist.</summary>
    public string? MissingReason()
    {
        var missing = RequiredFiles.Where(f => !File.Exists(f)).ToList();
        return missing.Count == 0
            ? null
            : $"missing {string.Join(", ", missing)} (install the Debian package {Package}: sudo apt-get install {Package})";
    }
}
