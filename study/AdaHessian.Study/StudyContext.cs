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

    /// <summary>
    /// Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 in parallel, reporting progress as
    /// <paramref name="task"/>; each item must write only its own slot, so results do not depend on the thread count.
    /// </summary>
    public void ForEach(string task, int count, Action<int> body)
    {
        Progress.Start(task, count);
        var gate = new object();
        var options = new ParallelOptions { CancellationToken = Cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.For(0, count, options, i =>
            {
                body(i);
                lock (gate)
                {
                    Progress.Advance();
                }
            });
        }
        catch (AggregateException) when (Cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(Cancellation);
        }
    }
}
