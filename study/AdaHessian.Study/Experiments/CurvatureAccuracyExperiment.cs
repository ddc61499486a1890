using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json.Nodes;
using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Study.Figures;
using AdaHessian.Study.Output;
using AdaHessian.Training;
using MathNet.Numerics;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;
using ScottPlot;

namespace AdaHessian.Study.Experiments;

/// <summary>
/// How accurate is Hutchinson's diagonal? At two fixed points θ of each problem (θ = 0, and θ after
/// <see cref="TrainingEpochs"/> full-batch epochs of exact-diagonal AdaHessian) it compares D̂ = avg_b |ê_N|, the
/// estimator's output with N probes and block size b, with D = avg_b |diag H| (the exact diagonal, same b):
/// relative error ‖D̂ − D‖₂ / ‖D‖₂ over <see cref="StudyProfile.EstimatorRepeats"/> probe seeds, its median and
/// quartiles, and the slope of log median error against log N (theory: −½). The error against the unaveraged
/// |diag H| is recorded too: as N grows it settles at the bias that averaging itself introduces.
/// </summary>
/// <remarks>
/// Per seed, the largest N's probes are drawn once exactly as <see cref="CurvatureEstimator"/> draws them, and each
/// smaller N uses the first N of them, which is what the estimator with that N and seed would use. So one seed's
/// errors are nested across N, while each N's spread over seeds is that of independent estimates. The products Hz
/// come from H itself, assembled once per point from the objective's Hessian-vector products with unit vectors: on
/// Fashion-MNIST (785 parameters) that is several times cheaper than a data pass per probe. On the first seed of every
/// point the estimates are checked against <see cref="CurvatureEstimator.EvaluateAndRefresh"/> itself.
/// </remarks>
internal sealed class CurvatureAccuracyExperiment : IExperiment
{
    private const double ConditionNumber = 100;
    private const int DataSeed = 1;
    private const double L2 = 1;
    private const int TrainingEpochs = 50;
    private const double TrainingRate = 0.05;
    private const int NegativeClass = 0;
    private const int PositiveClass = 6;

    public string Name => "curvature-accuracy";

    public ExperimentResult Run(StudyContext context)
    {
        StudyProfile profile = context.Profile;
        var timings = new List<TimingRow>();
        var clock = Stopwatch.StartNew();
        List<Problem> problems =
        [
            new("synthetic-rotated", $"synthetic κ={ConditionNumber}, rotated", Synthetic(profile, rotated: true)),
            new("synthetic-axis-aligned", $"synthetic κ={ConditionNumber}, axis-aligned", Synthetic(profile, rotated: false)),
        ];
        if (context.FashionMnistDirectory is { } folder)
        {
            FashionMnist train = FashionMnist.LoadTrain(folder);
            string label = $"Fashion-MNIST {FashionMnist.ClassNames[NegativeClass]} vs {FashionMnist.ClassNames[PositiveClass]}";
            LogisticDataset pair = train.BinaryDataset(NegativeClass, PositiveClass, profile.FashionTrainRows);
            problems.Add(new("fashion-mnist", label, pair));
            timings.Add(new TimingRow(Name, "read Fashion-MNIST", clock.Elapsed.TotalMilliseconds));
        }

        context.Progress.Start("Curvature estimator accuracy", problems.Count * 2 * profile.EstimatorRepeats);
        var cells = new List<Cell>();
        foreach (Problem problem in problems)
        {
            clock.Restart();
            var objective = new LogisticObjective(problem.Data, LossKind.LogLoss, L2, numberOfThreads: null);
            cells.Add(Measure(problem, "initial", objective, new double[objective.ParameterCount], context));
            cells.Add(Measure(problem, "trained", objective, Train(objective, context.Cancellation), context));
            timings.Add(new TimingRow(Name, problem.Key, clock.Elapsed.TotalMilliseconds));
        }

        WriteTables(cells, context);
        WriteFigures(cells, context);
        return new ExperimentResult(Summary(problems, cells, context), Report(cells, context), timings);
    }

    private static LogisticDataset Synthetic(StudyProfile profile, bool rotated) =>
        SyntheticLogistic.Generate(profile.SyntheticRows, profile.SyntheticFeatures, ConditionNumber, rotated, DataSeed);

    // θ after a fixed number of full-batch epochs of AdaHessian with the exact diagonal (no probes, so no seed). The
    // default η = 0.15 oscillates upwards on raw Fashion-MNIST pixels; η = 0.05 lowers the objective on every problem.
    private static double[] Train(LogisticObjective objective, CancellationToken cancellation)
    {
        var optimizer = new AdaHessianOptimizer(new AdaHessianOptions
        {
            LearningRate = TrainingRate, Curvature = new CurvatureOptions(CurvatureKind.ExactDiagonal),
        });
        var options = new TrainingOptions
        {
            Epochs = TrainingEpochs, History = HistoryGranularity.None, RecordParameters = false,
        };
        return TrainingLoop.Run(objective, optimizer, options, cancellationToken: cancellation).Parameters;
    }

    private static Cell Measure(Problem problem, string point, LogisticObjective objective, double[] theta, StudyContext context)
    {
        int[] samples = [.. context.Profile.HutchinsonSamples];
        int[] blocks = [.. context.Profile.BlockSizes];
        int repeats = context.Profile.EstimatorRepeats;
        int p = objective.ParameterCount, maxSamples = samples.Max();
        var gradient = new double[p];
        var diagonal = new double[p];
        double value = objective.EvaluateWithExactDiagonal(objective.AllRows, theta, gradient, diagonal);
        double[] exact = diagonal.Select(Math.Abs).ToArray();
        double[][] targets = blocks.Select(b => Averaged(exact, b)).ToArray();
        var cell = new Cell(problem, point, value, samples, blocks, repeats);
        for (int k = 0; k < blocks.Length; k++)
        {
            cell.AveragingBias[k] = Distance(targets[k], exact) / Norm(exact);
        }

        double[] hessian = Hessian(objective, theta);
        double diagonalSquared = Enumerable.Range(0, p).Sum(j => hessian[j * p + j] * hessian[j * p + j]);
        cell.OffDiagonalRatio = Math.Sqrt(Math.Max(0, hessian.Sum(v => v * v) - diagonalSquared) / diagonalSquared);
        var probes = new double[maxSamples * p];
        var products = new double[probes.Length];
        var estimate = new double[p];
        for (int r = 0; r < repeats; r++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            DrawRademacher(Seed(r), p, probes);
            for (int j = 0; j < p; j++)
            {
                for (int t = 0; t < maxSamples; t++)
                {
                    products[t * p + j] = Dot(hessian.AsSpan(j * p, p), probes.AsSpan(t * p, p));
                }
            }

            for (int i = 0; i < samples.Length; i++)
            {
                int length = samples[i] * p;
                CurvatureEstimator.HutchinsonDiagonal(probes.AsSpan(0, length), products.AsSpan(0, length), samples[i], estimate);
                double[] magnitude = estimate.Select(Math.Abs).ToArray();
                for (int k = 0; k < blocks.Length; k++)
                {
                    double[] averaged = Averaged(magnitude, blocks[k]);
                    cell.Error[i, k, r] = Distance(averaged, targets[k]) / Norm(targets[k]);
                    cell.ErrorUnaveraged[i, k, r] = Distance(averaged, exact) / Norm(exact);
                    if (r == 0 && k == blocks.Length - 1)
                    {
                        CheckAgainstEstimator(objective, theta, samples[i], blocks[k], averaged);
                    }
                }
            }

            context.Progress.Advance();
        }

        return cell;
    }

    // H row by row (row k = H e_k; H is symmetric up to rounding), from the objective's own products in batches.
    private static double[] Hessian(LogisticObjective objective, double[] theta)
    {
        int p = objective.ParameterCount, batch = Math.Min(p, 64);
        var hessian = new double[p * p];
        var units = new double[batch * p];
        var gradient = new double[p];
        for (int start = 0; start < p; start += batch)
        {
            int count = Math.Min(batch, p - start);
            units.AsSpan().Clear();
            for (int s = 0; s < count; s++)
            {
                units[s * p + start + s] = 1;
            }

            objective.EvaluateWithHessianProducts(objective.AllRows, theta, gradient, units.AsSpan(0, count * p),
                hessian.AsSpan(start * p, count * p));
        }

        return hessian;
    }

    // Fixed-order sum in four 256-bit lanes, so the bits do not depend on the CPU's vector width.
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var acc = Vector256<double>.Zero;
        int j = 0;
        for (; j <= x.Length - 4; j += 4)
        {
            acc += Vector256.Create(x.Slice(j, 4)) * Vector256.Create(y.Slice(j, 4));
        }

        double sum = acc[0] + acc[1] + (acc[2] + acc[3]);
        for (; j < x.Length; j++)
        {
            sum += x[j] * y[j];
        }

        return sum;
    }

    // The nested estimates must be the ones the library's estimator produces for the same N, b and seed.
    private static void CheckAgainstEstimator(LogisticObjective objective, double[] theta, int samples, int block,
        double[] expected)
    {
        var options = new CurvatureOptions(CurvatureKind.Hutchinson, samples, block);
        var estimator = new CurvatureEstimator(options, objective.ParameterCount, Seed(0));
        estimator.EvaluateAndRefresh(objective, objective.AllRows, theta, new double[objective.ParameterCount]);
        if (Distance(estimator.Diagonal.ToArray(), expected) > 1e-10 * Norm(expected))
        {
            throw new InvalidOperationException(
                $"The experiment's Hutchinson estimate (N={samples}, b={block}) differs from CurvatureEstimator's; " +
                "its probe drawing no longer matches the library's.");
        }
    }

    private static int Seed(int repeat) => repeat + 1;

    // As CurvatureEstimator draws them: per probe, one generator byte block, one bit per entry, 0 → −1 and 1 → +1.
    private static void DrawRademacher(int seed, int p, double[] probes)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var bits = new byte[(p + 7) / 8];
        for (int s = 0; s < probes.Length / p; s++)
        {
            random.NextBytes(bits);
            for (int j = 0; j < p; j++)
            {
                probes[s * p + j] = ((bits[j >> 3] >> (j & 7)) & 1) == 0 ? -1.0 : 1.0;
            }
        }
    }

    private static double[] Averaged(double[] values, int block)
    {
        var averaged = new double[values.Length];
        SpatialAveraging.Apply(values, block, averaged);
        return averaged;
    }

    private static double Norm(double[] x) => Math.Sqrt(x.Sum(v => v * v));

    private static double Distance(double[] x, double[] y) => Math.Sqrt(x.Zip(y, (a, b) => (a - b) * (a - b)).Sum());

    private static void WriteTables(List<Cell> cells, StudyContext context)
    {
        var raw = new CsvTable("problem", "point", "samples", "block", "seed", "relative_error", "relative_error_unaveraged");
        var summary = new CsvTable("problem", "point", "block", "samples", "median", "q1", "q3",
            "median_unaveraged", "q1_unaveraged", "q3_unaveraged");
        var fits = new CsvTable("problem", "point", "block", "slope", "intercept", "averaging_bias", "offdiagonal_ratio");
        foreach (Cell c in cells)
        {
            for (int k = 0; k < c.Blocks.Length; k++)
            {
                for (int i = 0; i < c.Samples.Length; i++)
                {
                    for (int r = 0; r < c.Repeats; r++)
                    {
                        raw.Add(c.Problem.Key, c.Point, c.Samples[i], c.Blocks[k], Seed(r), c.Error[i, k, r],
                            c.ErrorUnaveraged[i, k, r]);
                    }

                    Quartiles e = c.Stats(i, k, unaveraged: false), u = c.Stats(i, k, unaveraged: true);
                    summary.Add(c.Problem.Key, c.Point, c.Blocks[k], c.Samples[i], e.Median, e.Q1, e.Q3, u.Median, u.Q1, u.Q3);
                }

                (double intercept, double slope) = c.Fit(k);
                fits.Add(c.Problem.Key, c.Point, c.Blocks[k], slope, intercept, c.AveragingBias[k], c.OffDiagonalRatio);
            }
        }

        raw.Save(context.DataPath("curvature-accuracy.csv"));
        summary.Save(context.DataPath("curvature-accuracy-summary.csv"));
        fits.Save(context.DataPath("curvature-accuracy-fits.csv"));
    }

    private static void WriteFigures(List<Cell> cells, StudyContext context)
    {
        MarkerShape[] markers =
            [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];
        string[] keys = cells.Select(c => c.Problem.Key).Distinct().ToArray();
        foreach ((string point, bool unaveraged) in new[] { ("initial", false), ("trained", false), ("trained", true) })
        {
            var series = new List<EstimatorErrorFigure.Series>();
            foreach (Cell c in cells.Where(c => c.Point == point))
            {
                Color color = new ScottPlot.Palettes.Category10().GetColor(Array.IndexOf(keys, c.Problem.Key));
                for (int k = 0; k < c.Blocks.Length; k++)
                {
                    Quartiles[] q = c.Samples.Select((_, i) => c.Stats(i, k, unaveraged)).ToArray();
                    series.Add(new($"{c.Problem.Label}, b={c.Blocks[k]}", color, markers[k % markers.Length],
                        [.. c.Samples.Select(n => (double)n)], [.. q.Select(s => s.Median)], [.. q.Select(s => s.Q1)],
                        [.. q.Select(s => s.Q3)]));
                }
            }

            // The guide starts at the geometric mean of the N = first medians, so it sits among the lines.
            double guide = Math.Exp(series.Average(s => Math.Log(s.Median[0] * Math.Sqrt(s.Samples[0]))));
            string where = point == "initial" ? "θ = 0" : $"θ after {TrainingEpochs} epochs";
            string title = unaveraged ? $"Error against the unaveraged |diag H|, {where}" : $"Hutchinson diagonal error, {where}";
            string yLabel = unaveraged
                ? "relative error vs unaveraged |diag H| (median, IQR)"
                : "relative error vs exact, same b (median, IQR)";
            Plot plot = EstimatorErrorFigure.Create(title, yLabel, series, guide);
            FigureWriter.Save(plot, context.FigurePath(FigureName(point, unaveraged)), 1000, 560);
        }
    }

    private static string FigureName(string point, bool unaveraged) =>
        unaveraged ? $"curvature-accuracy-unaveraged-{point}" : $"curvature-accuracy-{point}";

    private static JsonObject Summary(List<Problem> problems, List<Cell> cells, StudyContext context)
    {
        var json = new JsonObject
        {
            ["samples"] = new JsonArray([.. context.Profile.HutchinsonSamples.Select(n => JsonValue.Create(n))]),
            ["blocks"] = new JsonArray([.. context.Profile.BlockSizes.Select(b => JsonValue.Create(b))]),
            ["repeats"] = context.Profile.EstimatorRepeats,
            ["fashion_mnist"] = context.FashionMnistDirectory is null ? "skipped: not found" : "included",
        };
        var byProblem = new JsonObject();
        foreach (Problem problem in problems)
        {
            var points = new JsonObject();
            foreach (Cell c in cells.Where(c => c.Problem == problem))
            {
                var blocks = new JsonObject();
                for (int k = 0; k < c.Blocks.Length; k++)
                {
                    Quartiles[] e = c.Samples.Select((_, i) => c.Stats(i, k, false)).ToArray();
                    Quartiles[] u = c.Samples.Select((_, i) => c.Stats(i, k, true)).ToArray();
                    blocks[$"{c.Blocks[k]}"] = new JsonObject
                    {
                        ["median"] = JsonNumbers(e.Select(q => q.Median)),
                        ["q1"] = JsonNumbers(e.Select(q => q.Q1)),
                        ["q3"] = JsonNumbers(e.Select(q => q.Q3)),
                        ["slope"] = c.Samples.Length > 1 ? Numbers.Round(c.Fit(k).Slope) : null,
                        ["averaging_bias"] = Numbers.Round(c.AveragingBias[k]),
                        ["median_unaveraged"] = JsonNumbers(u.Select(q => q.Median)),
                    };
                }

                points[c.Point] = new JsonObject
                {
                    ["objective"] = Numbers.Round(c.Objective),
                    ["offdiagonal_ratio"] = Numbers.Round(c.OffDiagonalRatio),
                    ["blocks"] = blocks,
                };
            }

            byProblem[problem.Key] = new JsonObject
            {
                ["label"] = problem.Label,
                ["rows"] = problem.Data.RowCount,
                ["features"] = problem.Data.FeatureCount,
                ["points"] = points,
            };
        }

        json["problems"] = byProblem;
        return json;
    }

    private static JsonArray JsonNumbers(IEnumerable<double> values) =>
        new([.. values.Select(v => JsonValue.Create(Numbers.Round(v)))]);

    private static string F(double x) => Numbers.Format(x, 3);

    // A count rounded to two significant digits: 15338 → "15,000".
    private static string RoundedCount(double n)
    {
        double unit = n < 100 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(n)) - 1);
        return (Math.Round(n / unit) * unit).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Report(List<Cell> cells, StudyContext context)
    {
        IReadOnlyList<int> n = context.Profile.HutchinsonSamples;
        int last = n.Count - 1;
        var text = new StringBuilder("## Curvature estimator accuracy\n\n")
            .Append("Relative error ‖D̂ − D‖₂ / ‖D‖₂ of Hutchinson's diagonal: D̂ is the estimator's output (|mean of N ")
            .Append("probes z ⊙ Hz|, averaged over blocks of b weights), D the exact |diag H| averaged over the same blocks. ")
            .Append($"Median and interquartile range over {context.Profile.EstimatorRepeats} probe seeds; LogLoss, L2 = {L2}; ")
            .Append($"θ = 0 and θ after {TrainingEpochs} full-batch epochs of exact-diagonal AdaHessian (η = {TrainingRate}). ")
            .Append("The last column compares D̂ with the unaveraged |diag H| instead, so it includes the bias of averaging. ")
            .Append("c = ‖H − diag H‖_F / ‖diag H‖₂ makes c/√N the root-mean-square error of the signed estimate for b = 1 ")
            .Append("(taking |·| can only lower it). Objective at the trained points: ")
            .AppendJoin(", ", cells.Where(c => c.Point == "trained").Select(c => $"{c.Problem.Label} {F(c.Objective)}"))
            .Append(" (ln 2 ≈ 0.693 at θ = 0).\n\n");
        if (context.FashionMnistDirectory is null)
        {
            text.Append($"**Fashion-MNIST was not found, so its part was skipped.** {FashionMnistLocation.HowToInstall}\n\n");
        }

        text.Append($"| problem | θ | c | b | error N={n[0]} | error N={n[last]} | slope | bias of averaging | ")
            .Append($"vs unaveraged, N={n[last]} |\n|---|---|---:|---:|---|---|---:|---:|---:|\n");
        foreach (Cell c in cells)
        {
            for (int k = 0; k < c.Blocks.Length; k++)
            {
                string slope = n.Count > 1 ? F(c.Fit(k).Slope) : "–";
                text.Append($"| {c.Problem.Label} | {c.Point} | {F(c.OffDiagonalRatio)} | {c.Blocks[k]} | {Range(c.Stats(0, k, false))} ")
                    .Append($"| {Range(c.Stats(last, k, false))} | {slope} | {F(c.AveragingBias[k])} | {F(c.Median(last, k, true))} |\n");
            }
        }

        text.Append('\n').Append(Conclusions(cells, n)).Append('\n');
        foreach (string name in new[] { FigureName("initial", false), FigureName("trained", false), FigureName("trained", true) })
        {
            text.Append($"![{name}](figures/{name}.png)\n\n");
        }

        return text.ToString();
    }

    private static string Range(Quartiles q) => $"{F(q.Median)} ({F(q.Q1)}–{F(q.Q3)})";

    private static string Conclusions(List<Cell> cells, IReadOnlyList<int> n)
    {
        int last = n.Count - 1;
        var text = new StringBuilder();
        if (n.Count > 1)
        {
            var fits = cells.SelectMany(c => c.Blocks.Select((b, k) => (c, b, Slope: c.Fit(k).Slope))).OrderBy(s => s.Slope).ToArray();
            text.Append($"- Fitted slopes of log median error against log N lie between {F(fits[0].Slope)} ({fits[0].c.Problem.Label}, ")
                .Append($"{fits[0].c.Point}, b={fits[0].b}) and {F(fits[^1].Slope)} ({fits[^1].c.Problem.Label}, {fits[^1].c.Point}, ")
                .Append($"b={fits[^1].b}); Monte Carlo theory gives −0.5.\n");
        }

        Cell low = cells.MinBy(c => c.Median(0, 0, false))!, high = cells.MaxBy(c => c.Median(0, 0, false))!;
        text.Append($"- Without averaging, the median error at N={n[0]} ranges from {F(low.Median(0, 0, false))} ({low.Problem.Label}, ")
            .Append($"{low.Point}, c = {F(low.OffDiagonalRatio)}) to {F(high.Median(0, 0, false))} ({high.Problem.Label}, {high.Point}, ")
            .Append($"c = {F(high.OffDiagonalRatio)}): the off-diagonal mass of H sets the noise. At N={n[last]} the largest median ")
            .Append($"is {F(cells.Max(c => c.Median(last, 0, false)))}.\n");
        foreach (Cell c in cells.Where(c => c.Point == "initial" && n.Count > 1 && c.Median(0, 0, false) > 0.1))
        {
            (double intercept, double slope) = c.Fit(0);
            text.Append($"- {c.Problem.Label}, θ = 0, b=1: extrapolating the fit, a median error of 0.1 needs N ≈ ")
                .Append($"{RoundedCount(Math.Pow(10, (-1 - intercept) / slope))} probes.\n");
        }

        int m = cells[0].Blocks.Length - 1, b = cells[0].Blocks[m];
        foreach (Cell c in m > 0 ? cells.Where(c => c.Point == "initial") : [])
        {
            text.Append($"- {c.Problem.Label}, θ = 0: with b={b} the error against its own target is {F(c.Median(0, m, false))} at ")
                .Append($"N={n[0]} and {F(c.Median(last, m, false))} at N={n[last]} (b=1: {F(c.Median(0, 0, false))} and ")
                .Append($"{F(c.Median(last, 0, false))}). That target is {F(c.AveragingBias[m])} away from |diag H|, so against the ")
                .Append($"exact diagonal b={b} ends at {F(c.Median(last, m, true))} (b=1: {F(c.Median(last, 0, true))}).\n");
        }

        return text.ToString();
    }

    private sealed record Problem(string Key, string Label, LogisticDataset Data);

    private readonly record struct Quartiles(double Median, double Q1, double Q3);

    // Errors of one (problem, point) as [samples index, block index, repeat].
    private sealed record Cell(Problem Problem, string Point, double Objective, int[] Samples, int[] Blocks, int Repeats)
    {
        public double[,,] Error { get; } = new double[Samples.Length, Blocks.Length, Repeats];

        public double[,,] ErrorUnaveraged { get; } = new double[Samples.Length, Blocks.Length, Repeats];

        public double[] AveragingBias { get; } = new double[Blocks.Length];

        public double OffDiagonalRatio { get; set; }

        public Quartiles Stats(int sample, int block, bool unaveraged)
        {
            double[,,] source = unaveraged ? ErrorUnaveraged : Error;
            double[] values = Enumerable.Range(0, Repeats).Select(r => source[sample, block, r]).ToArray();
            return new Quartiles(values.QuantileCustom(0.5, QuantileDefinition.R7),
                values.QuantileCustom(0.25, QuantileDefinition.R7), values.QuantileCustom(0.75, QuantileDefinition.R7));
        }

        public double Median(int sample, int block, bool unaveraged) => Stats(sample, block, unaveraged).Median;

        // Least squares of log10 median error on log10 N.
        public (double Intercept, double Slope) Fit(int block) => MathNet.Numerics.Fit.Line(
            Samples.Select(n => Math.Log10(n)).ToArray(),
            Samples.Select((_, i) => Math.Log10(Median(i, block, false))).ToArray());
    }
}
