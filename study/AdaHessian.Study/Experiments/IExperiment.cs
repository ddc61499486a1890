namespace AdaHessian.Study.Experiments;

/// <summary>One experiment of the study: runs, writes its CSVs and figures, returns its summary and report section.</summary>
internal interface IExperiment
{
    /// <summary>Short name used on the command line and as the summary key.</summary>
    string Name { get; }

    /// <summary>Runs the experiment.</summary>
    ExperimentResult Run(StudyContext context);
}
