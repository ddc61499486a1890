using AdaHessian.Curvature;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;
using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

public class TrainingLoopObserverTests
{
    private static LogisticObjective Objective(int rows = 120) =>
        new(TestData.Random(rows, columns: 4, seed: 17).Dataset(false), LossKind.LogLoss, 0.5);

    [Fact]
    public void The_observer_sees_each_epochs_parameters_as_the_history_records_them()
    {
        var seen = new List<double[]>();
        var observer = new Recorder(r => seen.Add(r.Parameters.ToArray()));
        var options = new TrainingOptions { NumberOfEpochs = 4, BatchSize = 32, Seed = 3 };

        TrainingResult result = TrainingLoop.Run(Objective(), Optimizer.AdaHessian(), options, progress: observer);

        Assert.Equal(4, seen.Count);
        for (int e = 1; e <= 4; e++)
        {
            Approx.Bitwise(result.History[e].Parameters, seen[e - 1], $"θ after epoch {e}");
        }

        Approx.Bitwise(result.Parameters, seen[^1], "the last report is the result");
    }

    [Fact]
    public void Cancellation_is_honoured_between_mini_batch_steps_not_only_between_epochs()
    {
        // The objective cancels the token while evaluating the 5th of the first epoch's 15 batches (120 rows / 8).
        using var source = new CancellationTokenSource();
        var objective = new CancellingObjective(Objective(), source, afterEvaluations: 6);
        var options = new TrainingOptions { NumberOfEpochs = 3, BatchSize = 8, Seed = 1 };

        Assert.ThrowsAny<OperationCanceledException>(() =>
            TrainingLoop.Run(objective, Optimizer.Adam(), options, cancellationToken: source.Token));

        // One evaluation of θ₀ on all rows, then one per batch: the 6th evaluation (5th batch) cancels, its step is the
        // last, and the 6th batch is never read.
        Assert.Equal(6, objective.Evaluations);
    }

    [Fact]
    public void Curvature_is_the_loops_business_Adam_refuses_one_and_AdaHessian_defaults_to_Hutchinson()
    {
        LogisticObjective objective = Objective();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TrainingLoop.Run(objective, Optimizer.Adam(),
            new TrainingOptions { NumberOfEpochs = 1, Curvature = new CurvatureOptions() }));
        Assert.Contains("Curvature", e.Message, StringComparison.Ordinal);

        var defaults = new TrainingOptions { NumberOfEpochs = 3, BatchSize = 40, Seed = 9 };
        TrainingResult implicitHutchinson = TrainingLoop.Run(objective, Optimizer.AdaHessian(), defaults);
        TrainingResult explicitHutchinson = TrainingLoop.Run(objective, Optimizer.AdaHessian(),
            defaults with { Curvature = new CurvatureOptions(CurvatureKind.Hutchinson, 1, 1, 1) });
        Approx.Bitwise(explicitHutchinson.Parameters, implicitHutchinson.Parameters, "null curvature = official Hutchinson");
    }

    [Fact]
    public void Core_defaults_are_the_trainers_thirty_epochs_of_256_row_batches()
    {
        var options = new TrainingOptions();
        Assert.Equal((30, (int?)256, true, 0.0), (options.NumberOfEpochs, options.BatchSize, options.Shuffle, options.OptimizationTolerance));
        Assert.Null(options.Curvature);
    }

    private sealed class Recorder(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport(value);
    }

    // A decorator that counts evaluations and cancels the run's token at the given one.
    private sealed class CancellingObjective(IObjective inner, CancellationTokenSource source, int afterEvaluations) : IObjective
    {
        public int Evaluations { get; private set; }

        public ParameterLayout Layout => inner.Layout;

        public int ParameterCount => inner.ParameterCount;

        public ReadOnlyMemory<int> AllRows => inner.AllRows;

        public double Value(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta)
        {
            Count();
            return inner.Value(rows, theta);
        }

        public double Evaluate(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient)
        {
            Count();
            return inner.Evaluate(rows, theta, gradient);
        }

        public double EvaluateWithHessianProducts(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
            ReadOnlySpan<double> probes, Span<double> products)
        {
            Count();
            return inner.EvaluateWithHessianProducts(rows, theta, gradient, probes, products);
        }

        public double EvaluateWithExactDiagonal(ReadOnlyMemory<int> rows, ReadOnlySpan<double> theta, Span<double> gradient,
            Span<double> diagonal)
        {
            Count();
            return inner.EvaluateWithExactDiagonal(rows, theta, gradient, diagonal);
        }

        private void Count()
        {
            if (++Evaluations == afterEvaluations)
            {
                source.Cancel();
            }
        }
    }
}
