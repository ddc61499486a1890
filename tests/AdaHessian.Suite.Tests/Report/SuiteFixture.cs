using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Tests.Report;

/// <summary>A hand-made suite result: two datasets that ran (one where AdaHessian threw) and one skipped.</summary>
internal static class SuiteFixture
{
    public static SuiteResult Result()
    {
        var easy = new DatasetOutcome("easy", "synthetic", null)
        {
            TrainRows = 100, TestRows = 50, Features = 3, ValuesPerRow = 3, Normalized = true,
            ZeroObjective = Math.Log(2), ReferenceObjective = 0.5, OptimumObjective = 0.5, ReferenceSeconds = 0.1,
            Trainers =
            [
                Outcome("AdaHessian", 0.5004, 0.404, [0.3, 0.1, 0.2]),   // gap 8e-4, test +1 %, time 2×
                Outcome("Adam", 0.6, 0.45, [0.5, 0.5, 0.5]),             // gap 0.2, test +12.5 %, time 5×
                Outcome(TrainerRegistry.Baseline, 0.5, 0.4, [0.1, 0.1, 0.1]),
            ],
        };
        var hard = new DatasetOutcome("hard", "synthetic", null)
        {
            TrainRows = 10, TestRows = 5, Features = 1_000, Sparse = true, ValuesPerRow = 2, Normalized = true,
            ZeroObjective = Math.Log(2), ReferenceObjective = 0.3, OptimumObjective = 0.3, ReferenceSeconds = 0.1,
            Trainers =
            [
                TrainerOutcome.Failed("AdaHessian", new ArithmeticException("diverged\nat step 3"), [0.01]),
                Outcome("Adam", 0.9, 0.8, [0.1]),                        // worse than the zero model, time 1×
                Outcome(TrainerRegistry.Baseline, 0.3, 0.2, [0.1]),
            ],
        };
        var skipped = new DatasetOutcome("gone", "weka", "missing /x (install the Debian package weka)");
        var trainers = TrainerRegistry.All.Where(t => t.Name != "SDCA").ToList();
        return new SuiteResult([easy, hard, skipped], trainers, 3, 12.5);
    }

    private static TrainerOutcome Outcome(string trainer, double objective, double test, double[] seconds) =>
        new(trainer, objective, test, 0.8, seconds, null, null);
}
