namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>Report-relative paths (figures/&lt;name&gt;.png) of the sweep's figures.</summary>
/// <param name="Sensitivity">One per problem, in problem order.</param>
internal sealed record SweepFigures(string[] Sensitivity, string EpochsToTarget, string WinRate);
