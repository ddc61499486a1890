namespace AdaHessian.Suite.Report;

/// <summary>How many datasets one trainer meets each target on (a fit that threw meets none).</summary>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Datasets">Datasets it ran on.</param>
/// <param name="Compared">Datasets where the L-BFGS baseline also succeeded (the base of the relative targets).</param>
/// <param name="TestWithinOnePercent">Test log-loss ≤ L-BFGS's × 1.01.</param>
/// <param name="NotWorseThanZero">Training objective ≤ the zero model's.</param>
/// <param name="GapWithinTolerance">Training-objective gap ≤ 1e-3.</param>
/// <param name="TimeWithinTwice">Median fit time ≤ 2 × L-BFGS's.</param>
/// <param name="MedianTimeRatio">Median over datasets of the time ratio to L-BFGS (NaN without any).</param>
/// <param name="Errors">Datasets where a fit threw.</param>
/// <param name="WorstTestExcess">The largest relative excess of test log-loss over L-BFGS's (NaN without any).</param>
/// <param name="WorstDataset">The dataset of <paramref name="WorstTestExcess"/>, or null.</param>
internal sealed record TrainerScore(
    string Trainer,
    int Datasets,
    int Compared,
    int TestWithinOnePercent,
    int NotWorseThanZero,
    int GapWithinTolerance,
    int TimeWithinTwice,
    double MedianTimeRatio,
    int Errors,
    double WorstTestExcess,
    string? WorstDataset);
