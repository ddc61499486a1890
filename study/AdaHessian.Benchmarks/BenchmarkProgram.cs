using System.Diagnostics;
using System.Globalization;
using AdaHessian.Benchmarks.Data;
using AdaHessian.Benchmarks.EndToEnd;
using AdaHessian.Benchmarks.Kernels;
using AdaHessian.Benchmarks.Profiling;
using AdaHessian.Benchmarks.Report;
using AdaHessian.Datasets;
using AdaHessian.MLNet;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.ML;
using Perfolizer.Horology;

namespace AdaHessian.Benchmarks;

/// <summary>
/// <c>--fashion-mnist &lt;dir&gt; --output &lt;file.md&gt; [--quick] [--filter all|kernels|e2e|conditioning|multiclass] [--repeats N]</c>:
/// BenchmarkDotNet kernels, then end-to-end time-to-optimum with the Hessian's conditioning at the optimum of each dense
/// problem, then the multiclass section (<see cref="SoftmaxReport"/>), then the Markdown report (written atomically).
/// <c>conditioning</c> runs only the conditioning analysis; <c>multiclass</c> only the multiclass section, which replaces
/// that section of an existing report and leaves the rest as it was.
/// <c>--filter profile</c> runs one kernel case in a loop for a profiler (<see cref="ProfileWorkload"/>);
/// <c>--filter profile-report --input &lt;dir&gt; --output &lt;file.md&gt;</c> renders perf reports (<see cref="ProfileReport"/>).
/// </summary>
internal static class BenchmarkProgram
{
    public static int Run(string[] args)
    {
        string? fashion = FashionMnistLocation.Named(Option(args, "--fashion-mnist"));
        string output = Path.GetFullPath(Option(args, "--output") ?? Path.Combine("results", "performance.md"));
        bool quick = args.Contains("--quick");
        string filter = Option(args, "--filter") ?? "all";
        int repeats = int.Parse(Option(args, "--repeats") ?? (quick ? "1" : "3"), CultureInfo.InvariantCulture);
        if (filter == "profile")
        {
            double seconds = Option(args, "--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : ProfileWorkload.DefaultSeconds;
            return ProfileWorkload.Run(Option(args, "--case"), seconds, quick, Option(args, "--perf-control"), Console.Out);
        }

        if (filter == "profile-report")
        {
            return ProfileReport.Write(Option(args, "--input"), Path.GetFullPath(Option(args, "--output") ?? Path.Combine("results", "profile.md")),
                MachineInfo.Capture(), Console.Out);
        }

        if (fashion is null && filter != "kernels")
        {
            Console.Error.WriteLine("Pass --fashion-mnist <dir> (the folder with the four IDX .gz files) or set FASHION_MNIST_DIR.");
            return 2;
        }

        var machine = MachineInfo.Capture();
        var total = Stopwatch.StartNew();
        if (filter == "multiclass")
        {
            string existing = File.Exists(output) ? File.ReadAllText(output) : "# Performance\n\n";
            WriteAtomically(output, SoftmaxReport.Splice(existing, RunMulticlass(fashion!, quick, machine, total).Render()));
            Console.WriteLine($"Wrote the multiclass section of {output} in {total.Elapsed.TotalMinutes:F1} min.");
            return 0;
        }

        KernelReport? kernels = null;
        if (filter is "all" or "kernels")
        {
            if (quick)
            {
                KernelBenchmarks.UseQuickShapes();
            }

            kernels = RunKernels(quick);
        }

        if (filter == "tune")
        {
            LabelledMatrix train = Option(args, "--problem") switch
            {
                "b" => SyntheticGaussian.Dense(50_000, 200, seed: 21),
                "c" => SyntheticGaussian.Sparse(200_000, 10_000, 10, seed: 31),
                _ => FashionMnistPair.Load(fashion!).Train,
            };
            Tuning.Run(train, double.Parse(Option(args, "--optimum") ?? "1e-9", CultureInfo.InvariantCulture), 40, Console.WriteLine);
            return 0;
        }

        var problems = new List<ProblemResult>();
        var conditioning = new List<ConditioningResult>();
        if (filter is "all" or "e2e")
        {
            var ml = new MLContext(seed: 1);
            var runner = new TimeToOptimum(ml, repeats, Console.WriteLine);
            foreach (Problem problem in Problems(fashion!, quick))
            {
                ProblemResult result = runner.Run(problem);
                problems.Add(result);
                if (!problem.Train.IsSparse)
                {
                    conditioning.Add(Analyze(problem, result.Reference!));
                }

                GC.Collect();
            }
        }

        if (filter == "conditioning")
        {
            var ml = new MLContext(seed: 1);
            foreach (Problem problem in Problems(fashion!, quick, denseOnly: true))
            {
                var clock = Stopwatch.StartNew();
                double[] optimum = Conditioning.Optimum(ml, problem.Train, problem.L2);
                Console.WriteLine($"[{problem.Name}] tight L-BFGS for θ* in {clock.Elapsed.TotalSeconds:F1} s");
                conditioning.Add(Analyze(problem, optimum));
                GC.Collect();
            }
        }

        SoftmaxReport? multiclass = filter == "all" ? RunMulticlass(fashion!, quick, machine, total) : null;
        machine = machine with { LoadAfter = MachineInfo.LoadAverage(), TotalSeconds = total.Elapsed.TotalSeconds };
        string markdown = PerformanceReport.Render(machine, kernels, problems, quick, repeats, conditioning);
        WriteAtomically(output, multiclass is null ? markdown : SoftmaxReport.Splice(markdown, multiclass.Render()));
        Console.WriteLine($"Wrote {output} in {total.Elapsed.TotalMinutes:F1} min.");
        return 0;
    }

    private static void WriteAtomically(string output, string markdown)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string temp = output + ".tmp";
        File.WriteAllText(temp, markdown);
        File.Move(temp, output, overwrite: true);
    }

    // The softmax step benchmarks, then the peak memory of AdaHessianMaximumEntropy on Fashion-MNIST's ten classes and on the sparse data.
    private static SoftmaxReport RunMulticlass(string fashion, bool quick, MachineInfo machine, Stopwatch total)
    {
        if (quick)
        {
            SoftmaxStepBenchmarks.UseQuickShapes();
        }

        var steps = SoftmaxReport.StepsFrom(BenchmarkRunner.Run([typeof(SoftmaxStepBenchmarks)], KernelConfig(quick)));
        var tenClasses = MulticlassViews.FashionMnist(FashionMnist.LoadTrain(fashion));
        var (sr, sc, sp, sk) = SoftmaxStepBenchmarks.SparseShape;
        var memory = new List<MemoryResult>
        {
            MulticlassMemory.Measure("Fashion-MNIST, ten classes", tenClasses, "L2Regularization = 1",
                () => new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1, Seed = 1 }, Console.WriteLine),
            MulticlassMemory.Measure("Fashion-MNIST, ten classes", tenClasses, "defaults (L2 by cross-validation)",
                () => new AdaHessianMaximumEntropyTrainer.Options { Seed = 1 }, Console.WriteLine),
            MulticlassMemory.Measure($"synthetic sparse {sr / 1000}k × {sc / 1000.0:0.#}k, {sp} per row, {sk} classes", SoftmaxStepBenchmarks.Data(SoftmaxShape.Sparse),
                "L2Regularization = 1, NumberOfEpochs = 1", () => new AdaHessianMaximumEntropyTrainer.Options { L2Regularization = 1, NumberOfEpochs = 1, Seed = 1 },
                Console.WriteLine),
        };
        return new SoftmaxReport(steps, memory, machine with { LoadAfter = MachineInfo.LoadAverage(), TotalSeconds = total.Elapsed.TotalSeconds });
    }

    private static ManualConfig KernelConfig(bool quick)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 1 : 8) // long enough for the full-batch cases to reach tier-1 code before measuring
            .WithIterationCount(quick ? 3 : 12)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 100 : 250))
            .WithId("Short");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "adahessian-benchmarks"))
            .WithOptions(ConfigOptions.DisableLogFile);
        return config;
    }

    private static KernelReport RunKernels(bool quick)
    {
        var config = KernelConfig(quick);
        var summaries = BenchmarkRunner.Run([typeof(MemoryBandwidthBenchmark), typeof(KernelBenchmarks)], config);
        return KernelReport.From(summaries) with { SteadyState = SteadyStateAllocations.Measure() };
    }

    private static ConditioningResult Analyze(Problem problem, double[] optimum)
    {
        ConditioningResult c = Conditioning.Analyze(problem.Name, problem.Train, problem.L2, optimum);
        Console.WriteLine(
            $"[{problem.Name}] Hessian at θ*: λ {c.LambdaMin:G3}…{c.LambdaMax:G3}, κ {c.Kappa:G3}; Jacobi μ {c.JacobiMin:G3}…{c.JacobiMax:G3}, " +
            $"κ {c.JacobiKappa:G3}, {c.SlowDirections} slow directions; model steps to target {c.BestSteps(TimeToOptimum.Tolerance, 0).Steps:G3} " +
            $"(β = 0.9: {c.BestSteps(TimeToOptimum.Tolerance, 0.9).Steps:G3}; model gap at θ = 0 {c.ModelGap(0, 0, 0):G3}, F* {c.Optimum:G6}); ‖∇F‖ {c.GradientNorm:G2}; {c.Seconds:F1} s");
        return c;
    }

    private static IEnumerable<Problem> Problems(string fashion, bool quick, bool denseOnly = false)
    {
        // Settings of our trainers per problem, from `--filter tune` (best final objective of a batch × learning-rate grid
        // after 40 epochs); epochs are a cap, the run stops at the first epoch within the target.
        var (train, test) = FashionMnistPair.Load(fashion);
        yield return new Problem("(a) Fashion-MNIST Pullover vs Coat", train, test, 1f,
            () => new AdaHessianTrainer.Options { Seed = 1, NumberOfEpochs = 100, BatchSize = 1024, LearningRate = 1f },
            () => new AdamTrainer.Options { Seed = 1, NumberOfEpochs = 100, BatchSize = 1024, LearningRate = 0.05f });

        int denseRows = quick ? 50_000 : 200_000;
        var dense = SyntheticGaussian.Dense(denseRows + denseRows / 4, 200, seed: 21);
        yield return new Problem($"(b) synthetic dense {denseRows / 1000}k × 200", Head(dense, denseRows), Tail(dense, denseRows), 1f,
            () => new AdaHessianTrainer.Options { Seed = 1, NumberOfEpochs = 100, BatchSize = null, LearningRate = 0.5f },
            () => new AdamTrainer.Options { Seed = 1, NumberOfEpochs = 40, BatchSize = 1024, LearningRate = 0.015f });

        if (denseOnly)
        {
            yield break;
        }

        int sparseRows = quick ? 200_000 : 1_000_000;
        var sparse = SyntheticGaussian.Sparse(sparseRows + sparseRows / 10, 10_000, 10, seed: 31);
        yield return new Problem($"(c) synthetic sparse {sparseRows / 1000}k × 10k, 0.1%", Head(sparse, sparseRows), Tail(sparse, sparseRows), 1f,
            () => new AdaHessianTrainer.Options { Seed = 1, NumberOfEpochs = 60, BatchSize = null, LearningRate = 0.5f },
            () => new AdamTrainer.Options { Seed = 1, NumberOfEpochs = 60, BatchSize = null, LearningRate = 0.05f });
    }

    private static LabelledMatrix Head(LabelledMatrix data, int rows) => Slice(data, 0, rows);

    private static LabelledMatrix Tail(LabelledMatrix data, int rows) => Slice(data, rows, data.Rows - rows);

    private static LabelledMatrix Slice(LabelledMatrix data, int start, int count)
    {
        float[] labels = data.Labels.AsSpan(start, count).ToArray();
        if (!data.IsSparse)
        {
            return LabelledMatrix.Dense(count, data.Columns,
                data.Values.AsSpan(start * data.Columns, count * data.Columns).ToArray(), labels);
        }

        int from = data.RowStarts![start], to = data.RowStarts[start + count];
        int[] starts = data.RowStarts.AsSpan(start, count + 1).ToArray();
        for (int i = 0; i < starts.Length; i++)
        {
            starts[i] -= from;
        }

        return LabelledMatrix.Sparse(count, data.Columns, starts, data.Indices.AsSpan(from, to - from).ToArray(),
            data.Values.AsSpan(from, to - from).ToArray(), labels);
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
