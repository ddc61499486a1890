namespace AdaHessian.Study;

/// <summary>What every experiment receives: the profile, where to write, the data folder and progress.</summary>
internal sealed record StudyContext(
    StudyProfile Profile,
    string OutputDirectory,
    string? FashionMnistDirectory,
    IStudyProgress Progress,
    CancellationToken Cancellation)
{
    /// <summary>results/data/&lt;name&gt;.</summary>
    public string DataPath(string name) => Path.Combine(OutputDirectory, "data", name);

    /// <summary>results/figures/&lt;name&gt; (no extension; figures are written as .png and .svg).</summary>
    public string FigurePath(string name) => Path.Combine(OutputDirectory, "figures", name);
}
