using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Tests.Report;

/// <summary>
/// A hand-made run for the regularisation table: five datasets where CV is better, worse, skipped, failed, and where
/// the baseline's loss is too small for a ratio, plus one skipped dataset.
/// </summary>
internal static class RegularizationFixture
{
    public const string Source = "L-BFGS, CV L2";

    public static SuiteResult Result()
    {
        DatasetOutcome[] datasets =
        [
            Dataset("better", 1_000, 0.4, Outcome(0.1, 0.38, 2)),       // ratio 0.95
            Dataset("worse", 500, 0.2, Outcome(10, 0.203, 0.5)),        // ratio 1.015
            Dataset("level", 800, 0.5, Outcome(1e-5, 0.5025, 0.25)),    // ratio 1.005: within 1 %
            Dataset("tiny", 1, 1e-6, Outcome(1e-3, 1e-6, 0.1)),         // baseline below the excess floor
            Dataset("big", 2_000_000, 0.3, RegularizationOutcome.Skipped(Source, "2,000,000 training rows ≥ 1,000,000; one fit took 6.66 s")),
            Dataset("broken", 100, 0.3, RegularizationOutcome.Failed(Source, new InvalidOperationException("no\nconvergence"), [0.7])),
            new DatasetOutcome("gone", "weka", "missing /x"),
        ];
        return new SuiteResult(datasets, [.. TrainerRegistry.All.Where(t => t.Name == TrainerRegistry.Baseline)], 3, 60)
        {
            Regularization = [new CrossValidatedSource()],
        };
    }

    private static RegularizationOutcome Outcome(double l2, double test, double seconds) =>
        new(Source, l2, test, 0.9, [seconds], null, null, null);

    private static DatasetOutcome Dataset(string name, int rows, double baselineTest, RegularizationOutcome outcome) =>
        new(name, "synthetic", null)
        {
            TrainRows = rows, TestRows = 10, Features = 2, ValuesPerRow = 2, Normalized = true,
            ZeroObjective = Math.Log(2), ReferenceObjective = 0.5, OptimumObjective = 0.5, ReferenceSeconds = 0.1,
            Trainers = [new TrainerOutcome(TrainerRegistry.Baseline, 0.5, baselineTest, 0.9, [0.01], null, null)],
            Regularization = [outcome],
        };
}
