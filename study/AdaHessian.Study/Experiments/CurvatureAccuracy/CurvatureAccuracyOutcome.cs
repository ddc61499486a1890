namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>What the accuracy experiment measured, all that its tables, figures and report are made from.</summary>
/// <param name="FashionMnistIncluded">False when Fashion-MNIST was not found, so only the synthetic problems ran.</param>
internal sealed record CurvatureAccuracyOutcome(
    IReadOnlyList<CurvatureProblem> Problems,
    IReadOnlyList<CurvatureCell> Cells,
    IReadOnlyList<int> Samples,
    IReadOnlyList<int> Blocks,
    int Repeats,
    bool FashionMnistIncluded);
