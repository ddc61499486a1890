// Tasks: Clean, Build, Test, Study (default), CheckResults, Bench.
//   dotnet tool restore && dotnet cake                      build, test, regenerate results/
//   dotnet cake --target=CheckResults                       regenerate into a temp folder and diff with results/
//   dotnet cake --target=Bench                              BenchmarkDotNet suite → results/performance.md
//   --profile=quick|full   --fashion-mnist=<folder>   --configuration=Release|Debug

var target = Argument("target", "Study");
var configuration = Argument("configuration", "Release");
var profile = Argument("profile", "full");
var fashionMnistArgument = Argument("fashion-mnist", EnvironmentVariable("FASHION_MNIST_DIR") ?? "");

const string Solution = "./AdaHessian.MLNet.sln";
const string StudyProject = "./study/AdaHessian.Study/AdaHessian.Study.csproj";
const string BenchProject = "./study/AdaHessian.Benchmarks/AdaHessian.Benchmarks.csproj";
const string DebianDatasetDir = "/usr/share/datasets/fashion-mnist";
static readonly string[] DatasetFiles =
{
    "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
};

bool HasDataset(string dir) => !string.IsNullOrEmpty(dir) && DatasetFiles.All(f => System.IO.File.Exists(System.IO.Path.Combine(dir, f)));

bool IsDebianRoot() => System.IO.File.Exists("/etc/debian_version") && System.Environment.UserName == "root";

void AptInstall(params string[] packages)
{
    Information($"Installing {string.Join(", ", packages)} with apt-get");
    var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
    if (StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq", EnvironmentVariables = env }) != 0 ||
        StartProcess("apt-get", new ProcessSettings { Arguments = "install -y -qq " + string.Join(" ", packages), EnvironmentVariables = env }) != 0)
    {
        throw new Exception($"apt-get could not install {string.Join(", ", packages)}.");
    }
}

// Fashion-MNIST: an explicit folder, else the Debian package (installed when we are root on Debian).
string ResolveFashionMnist()
{
    if (!string.IsNullOrEmpty(fashionMnistArgument))
    {
        if (HasDataset(fashionMnistArgument)) return fashionMnistArgument;
        throw new Exception($"Fashion-MNIST folder '{fashionMnistArgument}' lacks one of: {string.Join(", ", DatasetFiles)}.");
    }

    if (!HasDataset(DebianDatasetDir) && IsDebianRoot()) AptInstall("dataset-fashion-mnist");
    if (HasDataset(DebianDatasetDir)) return DebianDatasetDir;
    throw new Exception(
        "Fashion-MNIST is missing. On Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist. Elsewhere: download " +
        string.Join(", ", DatasetFiles) + " from https://github.com/zalandoresearch/fashion-mnist (data/fashion) into a " +
        "folder and pass --fashion-mnist=<folder> or set FASHION_MNIST_DIR.");
}

// ScottPlot draws no text at all without a font, so a missing font must stop the run rather than empty the figures.
void EnsureFonts()
{
    bool hasFont() => System.IO.Directory.Exists("/usr/share/fonts/truetype/dejavu") ||
        !System.OperatingSystem.IsLinux();
    if (!hasFont() && IsDebianRoot()) AptInstall("fonts-dejavu-core");
    if (!hasFont()) throw new Exception("No font for the figures: install fonts-dejavu-core (sudo apt-get install fonts-dejavu-core).");
}

Task("Clean").Does(() =>
{
    DotNetClean(Solution, new DotNetCleanSettings { Configuration = configuration });
});

Task("Build").Does(() =>
{
    DotNetBuild(Solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test").IsDependentOn("Build").Does(() =>
{
    ResolveFashionMnist();
    DotNetTest(Solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true });
});

void RunStudy(string outputDir)
{
    EnsureFonts();
    var data = ResolveFashionMnist();
    DotNetMSBuild(StudyProject, new DotNetMSBuildSettings()
        .SetConfiguration(configuration)
        .WithTarget("GenerateResults")
        .WithProperty("StudyProfile", profile)
        .WithProperty("StudyOutput", MakeAbsolute(Directory(outputDir)).FullPath)
        .WithProperty("FashionMnistDir", data));
}

// Only the full profile owns results/; other profiles write beside it so the committed results stay intact.
Task("Study").IsDependentOn("Test").Does(() => RunStudy(profile == "full" ? "./results" : $"./artifacts/study-{profile}"));

Task("CheckResults").IsDependentOn("Build").Does(() =>
{
    var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adahessian-results-" + System.Guid.NewGuid().ToString("N"));
    RunStudy(temp);
    int code = StartProcess("git", new ProcessSettings { Arguments = $"diff --no-index --stat -- results/data \"{temp}/data\"" });
    int summary = StartProcess("git", new ProcessSettings { Arguments = $"diff --no-index -- results/summary.json \"{temp}/summary.json\"" });
    int report = StartProcess("git", new ProcessSettings { Arguments = $"diff --no-index -- results/report.md \"{temp}/report.md\"" });
    if (code != 0 || summary != 0 || report != 0)
        throw new Exception($"Regenerated results in {temp} differ from the committed results/ (see the diff above).");
    Information("Regenerated results match results/.");
});

Task("Bench").Does(() =>
{
    var data = ResolveFashionMnist();
    DotNetRun(BenchProject, new DotNetRunSettings
    {
        Configuration = "Release",
        ArgumentCustomization = args => args.Append("--").Append("--fashion-mnist").AppendQuoted(data)
            .Append("--output").AppendQuoted(MakeAbsolute(File("./results/performance.md")).FullPath),
    });
});

RunTarget(target);
