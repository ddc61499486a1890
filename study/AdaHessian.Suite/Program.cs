using System.CommandLine;
using AdaHessian.Datasets;
using AdaHessian.Study.Output;
using AdaHessian.Suite.Datasets;
using AdaHessian.Suite.Report;
using AdaHessian.Suite.Running;
using AdaHessian.Suite.Trainers;

var datasetOption = new Option<string?>("--dataset") { Description = "Run only the datasets whose name matches this regular expression." };
var trainerOption = new Option<string?>("--trainer")
{
    Description = "Run only the trainers and regularisation sources whose name matches this regular expression " +
        $"({string.Join(", ", TrainerRegistry.All.Select(t => t.Name).Concat(RegularizationSources.All.Select(s => s.Name)))}).",
};
var outputOption = new Option<string>("--output")
{
    Description = "The markdown report; the CSV goes to data/<name>.csv beside it.",
    DefaultValueFactory = _ => Path.Combine("results", "defaults-suite.md"),
};
var fitsOption = new Option<int>("--fits") { Description = "Fits per trainer and dataset; the time is their median.", DefaultValueFactory = _ => 3 };
var dataOption = new Option<string?>("--fashion-mnist")
{
    Description = "Folder with the Fashion-MNIST IDX files (default: $FASHION_MNIST_DIR, then /usr/share/datasets/fashion-mnist).",
};
var multiclassOption = new Option<string?>("--multiclass")
{
    Description = "Instead of the binary suite: the multiclass trainers on all ten Fashion-MNIST classes, reported to this markdown file.",
};
var multiclassSuiteOption = new Option<string?>("--multiclass-suite")
{
    Description = "Instead of the binary suite: the multiclass defaults suite on public multiclass tabular data, reported to this " +
        "markdown file (the CSV goes to data/<name>.csv beside it); --dataset and --fits apply.",
};
var rowsOption = new Option<int>("--rows") { Description = "Training images of the multiclass comparison.", DefaultValueFactory = _ => 60_000 };
var listOption = new Option<bool>("--list") { Description = "List the datasets and whether their files are present, then stop." };

var root = new RootCommand("Defaults suite: AdaHessian and Adam at their defaults against L-BFGS and SDCA; writes a markdown report and a CSV.")
{
    datasetOption, trainerOption, outputOption, fitsOption, dataOption, listOption, multiclassOption, rowsOption, multiclassSuiteOption,
};

root.SetAction(parse =>
{
    int fits = parse.GetValue(fitsOption);
    if (fits < 1)
    {
        Console.Error.WriteLine("--fits must be at least 1.");
        return 2;
    }

    if (parse.GetValue(multiclassSuiteOption) is { } multiclassSuiteReport)
    {
        return AdaHessian.Suite.MulticlassSuite.MulticlassSuiteCommand.Run(multiclassSuiteReport, parse.GetValue(datasetOption), fits,
            parse.GetValue(listOption), Console.Out);
    }

    if (parse.GetValue(multiclassOption) is { } multiclassReport)
    {
        return RunMulticlass(multiclassReport, FashionMnistLocation.Resolve(parse.GetValue(dataOption)), parse.GetValue(rowsOption));
    }

    var datasets = DatasetRegistry.Select(DatasetRegistry.All(FashionMnistLocation.Resolve(parse.GetValue(dataOption))), parse.GetValue(datasetOption));
    if (parse.GetValue(listOption))
    {
        foreach (var d in datasets)
        {
            Console.WriteLine($"{d.Name}: {d.MissingReason() ?? "ready"}");
        }

        return 0;
    }

    var trainers = TrainerRegistry.Select(parse.GetValue(trainerOption));
    var regularization = RegularizationSources.Select(parse.GetValue(trainerOption));
    if (datasets.Count == 0 || trainers.Count + regularization.Count == 0)
    {
        Console.Error.WriteLine("No dataset or no trainer matches the given pattern.");
        return 2;
    }

    string output = Path.GetFullPath(parse.GetValue(outputOption)!);
    string csv = Path.Combine(Path.GetDirectoryName(output)!, "data", Path.GetFileNameWithoutExtension(output) + ".csv");
    string regularizationCsv = Path.ChangeExtension(csv, null) + "-regularization.csv";
    string name = Path.GetFileNameWithoutExtension(output);
    string study = Path.Combine(Path.GetDirectoryName(output)!, name + "-regularization.md");
    string command = "dotnet cake --target=Suite" + Selection(parse.GetValue(datasetOption), parse.GetValue(trainerOption), fits);
    var result = new SuiteRunner(Console.Out).Run(datasets, trainers, regularization, fits);
    SuiteCsv.Build(result).Save(csv);
    RegularizationCsv.Build(result).Save(regularizationCsv);
    if (result.Regularization.Count > 0)
    {
        // The study's regularisation section: the L2 path per dataset (CSV, figures) and the paired comparisons.
        L2PathCsv.Build(result).Save(Path.ChangeExtension(csv, null) + "-l2-path.csv");
        var figures = L2PathFigures.Write(result, Path.Combine(Path.GetDirectoryName(output)!, "figures"), name)
            .ToDictionary(f => f.Key, f => "figures/" + f.Value);
        AtomicFile.WriteAllText(study, RegularizationStudy.Render(result, command, Path.GetFileName(output), figures));
    }

    AtomicFile.WriteAllText(output, SuiteReport.Render(result, command, result.Regularization.Count > 0 ? Path.GetFileName(study) : null));
    Console.WriteLine($"Wrote {output}, {csv} and {regularizationCsv}{(result.Regularization.Count > 0 ? $", {study}" : "")} in {result.TotalSeconds:F0} s.");
    return 0;
});

return root.Parse(args).Invoke();

static int RunMulticlass(string report, string? fashionMnist, int rows)
{
    if (fashionMnist is null || rows < 1)
    {
        Console.Error.WriteLine(fashionMnist is null ? "The multiclass comparison needs Fashion-MNIST (--fashion-mnist)." : "--rows must be at least 1.");
        return 2;
    }

    var clock = System.Diagnostics.Stopwatch.StartNew();
    Console.WriteLine($"Multiclass: Fashion-MNIST, ten classes, {rows:N0} training images");
    var result = AdaHessian.Suite.Multiclass.MulticlassRun.Run(fashionMnist, rows, AdaHessian.Suite.Multiclass.MulticlassTrainer.All, Console.Out);
    string path = Path.GetFullPath(report);
    AdaHessian.Suite.Multiclass.MulticlassFigures.Write(result, Path.Combine(Path.GetDirectoryName(path)!, "figures"));
    AtomicFile.WriteAllText(path, AdaHessian.Suite.Multiclass.MulticlassReport.Render(result, AdaHessian.Suite.Multiclass.MulticlassTrainer.All,
        rows, "dotnet cake --target=Multiclass" + (rows == 60_000 ? "" : $" --rows={rows}"), clock.Elapsed.TotalSeconds));
    Console.WriteLine($"Wrote {path} in {clock.Elapsed.TotalSeconds:F0} s.");
    return 0;
}

// Only the selection belongs in the report's command line; paths differ between machines.
static string Selection(string? dataset, string? trainer, int fits) =>
    (dataset is null ? "" : $" --dataset='{dataset}'") + (trainer is null ? "" : $" --trainer='{trainer}'") + (fits == 3 ? "" : $" --fits={fits}");
