using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;
using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

public class EarlyStoppingAndDivergenceTests
{
    // The toy neuron of DESIGN §5 (squared error, start (−2, −2)).
    private static LogisticObjective Toy() =>
        new(new LogisticDataset(FeatureMatrix.Dense(2, 1, [0.5f, 2.5f]), [0.2f, 0.9f]), LossKind.SquaredError);

    [Fact]
    public void An_objective_that_keeps_rising_above_its_start_is_divergence_unless_only_non_finite_values_count()
    {
        // Full-batch Adam at η = 40 on a log-loss problem swings the weights far past the optimum: the loss rises above its
        // start (ln 2) while staying finite.
        LogisticObjective objective = Wide(rows: 300, seed: 4);
        var options = new TrainingOptions { NumberOfEpochs = 100, BatchSize = null };
        Optimizer adam = Optimizer.Adam(new AdamOptions { LearningRate = 40 });
        TrainingResult official = TrainingLoop.Run(objective, adam, options with { Divergence = DivergenceCheck.NonFinite });
        double start = objective.Value(objective.AllRows, new double[objective.ParameterCount]);
        Assert.True(official.History.All(p => double.IsFinite(p.Objective)));

        // The rule, written out: means of 10 steps; divergence at the second rising check more than 10 % above the start
        // in a row, or the fifth such check in a row.
        int expected = -1, rising = 0, above = 0;
        double previous = start;
        for (int end = 10; end <= 100 && expected < 0; end += 10)
        {
            double check = official.History.Skip(end - 9).Take(10).Average(p => p.Objective);
            above = check > 1.1 * start ? above + 1 : 0;
            rising = check > 1.1 * start && check >= previous ? rising + 1 : 0;
            previous = check;
            expected = rising >= 2 || above >= 5 ? end : -1;
        }

        Assert.InRange(expected, 20, 100);
        var e = Assert.Throws<TrainingDivergedException>(() => TrainingLoop.Run(objective, adam, options));
        Assert.Equal(expected, e.Epoch);
        Assert.Contains("above its starting value", e.Message, StringComparison.Ordinal);
        Assert.Contains("learning rate (currently 40", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transient_overshoot_that_comes_back_below_the_start_is_not_divergence()
    {
        // Full-batch Adam at η = 3 on 200 rows of a planted model overshoots above ln 2 for its first ~16 steps, then
        // converges: a falling excursion is not divergence.
        LogisticObjective objective = Planted(seed: 1);
        var options = new TrainingOptions { NumberOfEpochs = 80, BatchSize = null };
        TrainingResult result = TrainingLoop.Run(objective, Optimizer.Adam(new AdamOptions { LearningRate = 3 }), options);
        double start = result.History[0].Objective;
        Assert.True(result.History.Count(p => p.Objective > start) >= 10, "it does overshoot");
        Assert.True(result.Objective < 0.6 * start);
    }

    private static LogisticObjective Planted(int seed)
    {
        const int n = 200, d = 30;
        var random = new Random(seed);
        var x = new float[n * d];
        var y = new float[n];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(2 * random.NextDouble() - 1);
        }

        for (int i = 0; i < n; i++)
        {
            double a = 0;
            for (int j = 0; j < d; j++)
            {
                a += x[i * d + j] * (j % 3 - 1);
            }

            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-a)) ? 1 : 0;
        }

        return new LogisticObjective(new LogisticDataset(FeatureMatrix.Dense(n, d, x), y), LossKind.LogLoss, 1);
    }

    [Fact]
    public void The_final_objective_is_checked_even_when_no_epoch_in_between_is_evaluated()
    {
        // Mini-batches, no history, progress or tolerance: only the last epoch is evaluated, and it is checked.
        LogisticObjective objective = Wide(rows: 300, seed: 4);
        var options = new TrainingOptions { NumberOfEpochs = 3, BatchSize = 10, History = HistoryGranularity.None };
        var e = Assert.Throws<TrainingDivergedException>(() =>
            TrainingLoop.Run(objective, Optimizer.Adam(new AdamOptions { LearningRate = 40 }), options));
        Assert.Equal(3, e.Epoch);
    }

    [Fact]
    public void A_warm_start_at_the_optimum_that_cannot_improve_returns_the_start_instead_of_diverging()
    {
        // At the optimum (dense Newton to 1e-15) any step only adds rounding: the run ends a hair above its start.
        TestProblem problem = TestData.Random(200, 5, seed: 6, weighted: false);
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss, 1);
        double[] optimum = Newton.Minimise(problem, 1);
        var options = new TrainingOptions { NumberOfEpochs = 3, BatchSize = 16 };
        TrainingResult result = TrainingLoop.Run(objective, Optimizer.Adam(new AdamOptions { LearningRate = 1e-3 }), options, optimum);
        Assert.True(result.Objective <= objective.Value(objective.AllRows, optimum));
        Assert.Equal(optimum, result.Parameters);

        // Far above the start is still divergence.
        Assert.Throws<TrainingDivergedException>(() =>
            TrainingLoop.Run(objective, Optimizer.Adam(new AdamOptions { LearningRate = 40 }), options, optimum));
    }

    [Fact]
    public void Early_stopping_returns_the_best_validation_epoch_and_stops_after_that_many_epochs_without_improvement()
    {
        // Few rows, many features, no L2: the training loss keeps falling while the held-out loss turns up.
        LogisticObjective train = Wide(rows: 40, seed: 1);
        LogisticObjective validation = Wide(rows: 400, seed: 2, l2: 0);
        Optimizer adam = Optimizer.Adam(new AdamOptions { LearningRate = 0.05 });
        var options = new TrainingOptions { NumberOfEpochs = 200, BatchSize = null, Divergence = DivergenceCheck.NonFinite };

        // The independent truth: every epoch's θ from a run that never stops, scored on the validation rows.
        TrainingResult full = TrainingLoop.Run(train, adam, options with { EarlyStoppingRound = 0 }, validation: validation);
        double[] scores = full.History.Select(p => validation.Value(validation.AllRows, p.Parameters!)).ToArray();
        int best = Array.IndexOf(scores, scores.Min());
        Assert.InRange(best, 1, 120); // it does overfit, and not at once

        TrainingResult stopped = TrainingLoop.Run(train, adam, options with { EarlyStoppingRound = 7 }, validation: validation);

        Assert.True(stopped.StoppedEarly);
        Assert.Equal(best + 7 * 10, stopped.Epochs); // full batch: 7 windows of 10 steps
        Assert.Equal(best, stopped.SelectedEpoch);
        Approx.Bitwise(full.History[best].Parameters, stopped.Parameters, "θ of the best epoch");
        Assert.Equal(scores[best], stopped.ValidationObjective);
        Assert.Equal(train.Value(train.AllRows, stopped.Parameters), stopped.Objective, 14);
    }

    [Fact]
    public void A_validation_objective_must_fit_the_model()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            TrainingLoop.Run(Wide(40, 1), Optimizer.Adam(), new TrainingOptions(), validation: Toy()));
        Assert.Equal("validation", e.ParamName);
    }

    private static LogisticObjective Wide(int rows, int seed, double l2 = 0) =>
        new(TestData.Random(rows, columns: 30, seed: seed, zeroFraction: 0.2, weighted: false, scale: 1).Dataset(false), LossKind.LogLoss, l2);
}
