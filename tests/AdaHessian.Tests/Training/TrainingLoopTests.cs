using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;
using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

public class TrainingLoopTests
{
    private static readonly CurvatureOptions Exact = new(CurvatureKind.ExactDiagonal);

    // The toy neuron of DESIGN §5: x = (0.5, 2.5), y = (0.2, 0.9), squared error, start (w, b) = (−2, −2).
    private static LogisticObjective Toy() =>
        new(new LogisticDataset(FeatureMatrix.Dense(2, 1, [0.5f, 2.5f]), [0.2f, 0.9f]), LossKind.SquaredError);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Three_full_batch_epochs_on_the_toy_neuron_match_the_equations(bool adaHessian)
    {
        Optimizer optimizer = adaHessian ? Optimizer.AdaHessian() : Optimizer.Adam(new AdamOptions { LearningRate = 0.1 });
        TrainingResult result = TrainingLoop.Run(Toy(), optimizer,
            new TrainingOptions { NumberOfEpochs = 3, Curvature = adaHessian ? Exact : null }, [-2.0, -2.0]);

        // By hand: F = ½Σᵢ ½(pᵢ − yᵢ)², ℓ′ = (p − y)p(1 − p), ℓ″ = p(1 − p)[p(1 − p) + (p − y)(1 − 2p)],
        // g = ½Σ ℓ′·(x, 1), diag H = ½Σ ℓ″·(x², 1). AdaHessian: s = |diag H|, η = 0.15, β = (0.9, 0.999), ε = 1e-4;
        // Adam: s = g, η = 0.1, ε = 1e-8. m = β₁m + (1 − β₁)g, v = β₂v + (1 − β₂)s², θ −= η·m̂/(√v̂ + ε).
        double[] x = [0.5, 2.5];
        double[] y = [0.2f, 0.9f];
        double eta = adaHessian ? 0.15 : 0.1, eps = adaHessian ? 1e-4 : 1e-8;
        double w = -2, b = -2, mw = 0, mb = 0, vw = 0, vb = 0;
        for (int t = 1; t <= 3; t++)
        {
            double gw = 0, gb = 0, hw = 0, hb = 0;
            for (int i = 0; i < 2; i++)
            {
                double p = 1 / (1 + Math.Exp(-(w * x[i] + b)));
                double first = (p - y[i]) * p * (1 - p);
                double second = p * (1 - p) * (p * (1 - p) + (p - y[i]) * (1 - 2 * p));
                gw += 0.5 * first * x[i];
                gb += 0.5 * first;
                hw += 0.5 * second * x[i] * x[i];
                hb += 0.5 * second;
            }

            double sw = adaHessian ? Math.Abs(hw) : gw, sb = adaHessian ? Math.Abs(hb) : gb;
            mw = 0.9 * mw + 0.1 * gw;
            mb = 0.9 * mb + 0.1 * gb;
            vw = 0.999 * vw + 0.001 * sw * sw;
            vb = 0.999 * vb + 0.001 * sb * sb;
            double c1 = 1 - Math.Pow(0.9, t), c2 = 1 - Math.Pow(0.999, t);
            w -= eta * (mw / c1) / (Math.Sqrt(vw / c2) + eps);
            b -= eta * (mb / c1) / (Math.Sqrt(vb / c2) + eps);
            Approx.Equal([w, b], result.History[t].Parameters, 1e-13, $"θ after step {t}");
        }

        Approx.Equal([w, b], result.Parameters, 1e-13, "final θ");
        Approx.Equal(w, result.Weights[0], 1e-13, "weight");
        Approx.Equal(b, result.Bias, 1e-13, "bias");
    }

    [Fact]
    public void Hessian_update_interval_reuses_D_between_refreshes_while_v_keeps_updating()
    {
        // T_h = 3: D = |diag H(θ_{t−1})| at steps 1, 4, 7; steps 2, 3, 5, 6 reuse the last D (v still updated).
        TestProblem problem = TestData.Random(rows: 40, columns: 3, seed: 61, weighted: false);
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss, 0.5);
        var options = new TrainingOptions { NumberOfEpochs = 7, Curvature = new CurvatureOptions(CurvatureKind.ExactDiagonal, HessianUpdateInterval: 3) };
        const int epochs = 7;
        TrainingResult result = TrainingLoop.Run(objective, Optimizer.AdaHessian(), options);

        int p = objective.ParameterCount;
        var theta = new double[p];
        var m = new double[p];
        var v = new double[p];
        var d = new double[p];
        var refreshedAt = new List<int>();
        for (int t = 1; t <= epochs; t++)
        {
            var g = new double[p];
            var diagonal = new double[p];
            objective.EvaluateWithExactDiagonal(objective.AllRows, theta, g, diagonal);
            if ((t - 1) % 3 == 0)
            {
                d = diagonal.Select(Math.Abs).ToArray();
                refreshedAt.Add(t);
            }

            for (int j = 0; j < p; j++)
            {
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * d[j] * d[j];
                theta[j] -= 0.15 * (m[j] / (1 - Math.Pow(0.9, t))) / (Math.Sqrt(v[j] / (1 - Math.Pow(0.999, t))) + 1e-4);
            }

            Approx.Equal(theta, result.History[t].Parameters, 1e-13, $"θ after step {t}");
        }

        Assert.Equal([1, 4, 7], refreshedAt);
        // The interval matters: refreshing every step gives a different trajectory.
        TrainingResult every = TrainingLoop.Run(objective, Optimizer.AdaHessian(), options with { Curvature = Exact });
        Approx.Bitwise(every.History[1].Parameters, result.History[1].Parameters, "step 1 is a refresh in both");
        Assert.True(Math.Abs(every.Parameters[0] - result.Parameters[0]) > 1e-6);
    }

    [Fact]
    public void Curvature_is_refreshed_only_on_refresh_steps()
    {
        // Driving the estimator as the loop does: over 10 steps with T_h = 4, D is recomputed at steps 1, 5, 9 and
        // stays bit-identical in between.
        TestProblem problem = TestData.Random(30, 4, seed: 62);
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss);
        var curvature = new CurvatureOptions(HessianUpdateInterval: 4);
        var estimator = new CurvatureEstimator(curvature, objective.ParameterCount, seed: 3);
        var optimizer = Optimizer.AdaHessian();
        double[] theta = new double[objective.ParameterCount];
        var g = new double[theta.Length];
        OptimizerState state = optimizer.Init(objective.Layout);
        double[] previous = [];
        for (long step = 1; step <= 10; step++)
        {
            if (curvature.IsRefreshStep(step))
            {
                estimator.EvaluateAndRefresh(objective, objective.AllRows, theta, g);
                Assert.NotEqual(previous, estimator.Diagonal.ToArray());
            }
            else
            {
                objective.Evaluate(objective.AllRows, theta, g);
                Approx.Bitwise(previous, estimator.Diagonal, $"D at step {step}");
            }

            previous = estimator.Diagonal.ToArray();
            optimizer.Step(g, estimator.Diagonal, state, theta);
        }

        Assert.Equal(3, estimator.RefreshCount);
    }

    // A separable-ish problem: labels from a noisy linear rule with a strong signal.
    internal static LogisticObjective Separable(int rows = 300, int? threads = null) =>
        new(TestData.Random(rows, columns: 5, seed: 71, zeroFraction: 0.1, weighted: false, scale: 2).Dataset(false),
            LossKind.LogLoss, 0.01, threads);

    public static TheoryData<string, int?> Runs => new()
    {
        { "AdaHessian", null },
        { "AdaHessian", 32 },
        { "Adam", null },
        { "Adam", 32 },
        { "AdaHessianExact", 50 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Full_and_mini_batch_training_decrease_the_objective(string which, int? batch)
    {
        LogisticObjective objective = Separable();
        Optimizer optimizer = which switch
        {
            "Adam" => Optimizer.Adam(new AdamOptions { LearningRate = 0.05 }),
            _ => Optimizer.AdaHessian(),
        };

        TrainingResult result = TrainingLoop.Run(objective, optimizer,
            new TrainingOptions { NumberOfEpochs = 30, BatchSize = batch, Seed = 4, Curvature = which == "AdaHessianExact" ? Exact : null });

        double start = objective.Value(objective.AllRows, new double[objective.ParameterCount]);
        Assert.Equal(Math.Log(2), start, 12);
        Assert.Equal(start, result.History[0].Objective);
        Assert.True(result.Objective < 0.6 * start, $"{which}: {start} → {result.Objective}");
        Assert.Equal(objective.Value(objective.AllRows, result.Parameters), result.Objective, 14);
        Assert.Equal(30 * (batch is { } b ? (300 + b - 1) / b : 1), result.Steps);
    }

    [Theory]
    [InlineData(CurvatureKind.ExactDiagonal, null)]
    [InlineData(CurvatureKind.Hutchinson, null)]
    [InlineData(CurvatureKind.ExactDiagonal, 64)]
    public void LogLoss_training_reaches_the_Newton_optimum(CurvatureKind kind, int? batch)
    {
        TestProblem problem = TestData.Random(rows: 200, columns: 3, seed: 81, zeroFraction: 0, weighted: true, scale: 1.5);
        const double lambda = 1.0;
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss, lambda);
        double[] optimum = Newton.Minimise(problem, lambda);
        int[] all = Enumerable.Range(0, problem.Rows).ToArray();
        double best = Reference.Value(problem, LossKind.LogLoss, lambda, all, optimum);
        Assert.True(Math.Sqrt(Reference.Gradient(problem, LossKind.LogLoss, lambda, all, optimum).Sum(g => g * g)) < 1e-12);

        // Mini-batches need a smaller step, and keep jittering around the optimum: "near" is looser for them
        // (the start, θ = 0, is ≈ 0.17 above the optimum).
        var options = new AdaHessianOptions { LearningRate = batch is null ? 0.15 : 0.002 };
        TrainingResult result = TrainingLoop.Run(objective, Optimizer.AdaHessian(options),
            new TrainingOptions { NumberOfEpochs = batch is null ? 300 : 1500, BatchSize = batch, Seed = 1, Curvature = new CurvatureOptions(kind) });

        double gap = result.Objective - best;
        Assert.True(gap >= -1e-12, $"below the optimum by {gap}");
        Assert.True(gap < (batch is null ? 1e-7 : 5e-4), $"gap {gap} (F* = {best})");
        if (batch is null)
        {
            Approx.Equal(optimum, result.Parameters, 1e-3, "θ*");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(30)]
    public void Tolerance_stops_at_the_first_epoch_that_meets_it(int? batch)
    {
        LogisticObjective objective = Separable(rows: 120);
        const double tolerance = 1e-4;
        TrainingResult result = TrainingLoop.Run(objective, Optimizer.Adam(new AdamOptions { LearningRate = 0.02 }),
            new TrainingOptions { NumberOfEpochs = 5000, BatchSize = batch, OptimizationTolerance = tolerance, Seed = 2 });

        Assert.True(result.Converged);
        Assert.True(result.Epochs < 5000);
        Assert.Equal(result.Epochs + 1, result.History.Count);
        if (batch is null)
        {
            // Full batch: an epoch is one step, so the check compares means of 10 steps (the first against the start).
            double Mean(int k) => k == 0 ? result.History[0].Objective : result.History.Skip(10 * k - 9).Take(10).Average(p => p.Objective);
            bool WindowMet(int k) => Math.Abs(Mean(k - 1) - Mean(k)) <= tolerance * Math.Abs(Mean(k));
            Assert.Equal(0, result.Epochs % 10);
            Assert.True(WindowMet(result.Epochs / 10));
            Assert.DoesNotContain(Enumerable.Range(1, result.Epochs / 10 - 1), WindowMet);
            return;
        }

        bool Met(int e) => Math.Abs(result.History[e - 1].Objective - result.History[e].Objective) <= tolerance * Math.Abs(result.History[e].Objective);
        Assert.True(Met(result.Epochs));
        Assert.DoesNotContain(Enumerable.Range(1, result.Epochs - 1), Met);
    }

    private sealed class Recorder(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];

        public void Report(TrainingProgress value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(40)]
    public void Progress_is_reported_once_per_epoch(int? batch)
    {
        LogisticObjective objective = Separable(rows: 100);
        var recorder = new Recorder();
        const int epochs = 5;
        TrainingResult result = TrainingLoop.Run(objective, Optimizer.AdaHessian(),
            new TrainingOptions { NumberOfEpochs = epochs, BatchSize = batch }, progress: recorder);

        Assert.Equal(epochs, recorder.Reports.Count);
        int stepsPerEpoch = batch is null ? 1 : 3;
        for (int e = 1; e <= epochs; e++)
        {
            TrainingProgress report = recorder.Reports[e - 1];
            Assert.Equal(e, report.Epoch);
            Assert.Equal(epochs, report.TotalEpochs);
            Assert.Equal(e * stepsPerEpoch, report.Step);
            Assert.Equal(result.History[e].Objective, report.Objective);
            Assert.Equal(result.History[e].GradientNorm, report.GradientNorm);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(40)]
    public void Cancellation_stops_training_with_OperationCanceledException(int? batch)
    {
        LogisticObjective objective = Separable(rows: 100);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TrainingLoop.Run(objective, Optimizer.Adam(),
            new TrainingOptions { NumberOfEpochs = 5, BatchSize = batch }, cancellationToken: cancelled.Token));

        // Cancelled from inside the run, after epoch 3: no fourth epoch is reported.
        using var source = new CancellationTokenSource();
        var recorder = new Recorder(r =>
        {
            if (r.Epoch == 3)
            {
                source.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => TrainingLoop.Run(objective, Optimizer.Adam(),
            new TrainingOptions { NumberOfEpochs = 100, BatchSize = batch }, progress: recorder, cancellationToken: source.Token));
        Assert.Equal(3, recorder.Reports.Count);
    }

    public static TheoryData<TrainingOptions, string> InvalidOptions => new()
    {
        { new TrainingOptions { NumberOfEpochs = 0 }, "NumberOfEpochs" },
        { new TrainingOptions { NumberOfEpochs = -5 }, "NumberOfEpochs" },
        { new TrainingOptions { BatchSize = 0 }, "BatchSize" },
        { new TrainingOptions { OptimizationTolerance = -1e-6 }, "OptimizationTolerance" },
        { new TrainingOptions { OptimizationTolerance = double.NaN }, "OptimizationTolerance" },
        { new TrainingOptions { History = (HistoryGranularity)9 }, "History" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_training_options_name_themselves(TrainingOptions options, string name)
    {
        LogisticObjective objective = Separable(rows: 10);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TrainingLoop.Run(objective, Optimizer.Adam(), options));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Initial_parameters_must_match_the_model()
    {
        LogisticObjective objective = Separable(rows: 10);
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => TrainingLoop.Run(objective, Optimizer.Adam(), new TrainingOptions(), new double[3]));
        Assert.Equal("initialParameters", e.ParamName);
    }
}
