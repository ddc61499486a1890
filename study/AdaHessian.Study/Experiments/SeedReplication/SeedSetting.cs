namespace AdaHessian.Study.Experiments.SeedReplication;

/// <summary>One setting of the comparison (shared rate, or each optimizer at its best rate) and its runs by key.</summary>
internal sealed record SeedSetting(string Key, string Title, IReadOnlyDictionary<string, SeedRun> Runs)
{
    /// <summary>The runs in the fixed order of <see cref="SeedVariant.All"/>.</summary>
    public IReadOnlyList<SeedRun> Ordered => SeedVariant.All.Select(v => Runs[v.Key]).ToArray();
}
