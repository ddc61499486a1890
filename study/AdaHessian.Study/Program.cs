using System.CommandLine;
using AdaHessian.Datasets;
using AdaHessian.Study;
using Spectre.Console;

var profileOption = new Option<string>("--profile")
{
    Description = "Experiment sizes: full (committed results) or quick (CI, snapshots).",
    DefaultValueFactory = _ => "full",
};
profileOption.AcceptOnlyFromAmong([.. StudyProfile.All.Keys]);
var outputOption = new Option<string>("--output")
{
    Description = "Folder for figures/, data/, summary.json and report.md.",
    DefaultValueFactory = _ => "results",
};
var experimentOption = new Option<string?>("--experiment")
{
    Description = $"Run one experiment: {string.Join(", ", StudyRunner.Experiments.Select(e => e.Name))}.",
};
var dataOption = new Option<string?>("--fashion-mnist")
{
    Description = "Folder with the Fashion-MNIST IDX files (default: $FASHION_MNIST_DIR, then /usr/share/datasets/fashion-mnist).",
};

var root = new RootCommand("Seeded Adam vs AdaHessian study: writes figures, tables, summary.json and report.md.")
{
    profileOption, outputOption, experimentOption, dataOption,
};

root.SetAction(parse =>
{
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };

    StudyProfile profile = StudyProfile.All[parse.GetValue(profileOption)!];
    string output = Path.GetFullPath(parse.GetValue(outputOption)!);
    string? data = FashionMnistLocation.Resolve(parse.GetValue(dataOption));
    string? only = parse.GetValue(experimentOption);
    try
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            StudyRunner.Run(new StudyContext(profile, output, data, new PlainProgress(Console.Out), cancellation.Token), only);
        }
        else
        {
            AnsiConsole.Progress().Start(ctx =>
                StudyRunner.Run(new StudyContext(profile, output, data, new SpectreProgress(ctx), cancellation.Token), only));
        }

        Console.WriteLine($"Results written to {output}");
        return 0;
    }
    catch (OperationCanceledException)
    {
        Console.Error.WriteLine("Cancelled; files already written are complete, nothing is half-written.");
        return 130;
    }
});

return root.Parse(args).Invoke();
