// Tasks: Clean, Build, Test, Study (default), CheckResults, Bench, Profile, Pack, Suite, Multiclass, MulticlassSuite.
//   dotnet tool restore && dotnet cake                      build, test, regenerate results/
//   dotnet cake --target=Pack                               NuGet packages (.nupkg + .snupkg) of src/ → artifacts/packages
//   dotnet cake --target=Suite [--dataset=<regex>] [--trainer=<regex>] [--fits=3] [--output=<file.md>]
//                                                           defaults suite → results/defaults-suite.md (+ data/defaults-suite*.csv),
//                                                           its regularisation study → results/defaults-suite-regularization.md (+ figures)
//   dotnet cake --target=Multiclass [--rows=60000]          the multiclass trainers on ten Fashion-MNIST classes → results/multiclass.md
//                                                           (+ figures/multiclass-test-loss, figures/multiclass-confusion)
//   dotnet cake --target=MulticlassSuite [--dataset=<regex>] [--fits=3]
//                                                           the softmax trainers' automatic L2 against ML.NET's multiclass trainers on
//                                                           six public multiclass tabular sets → results/multiclass-suite.md (+ data/multiclass-suite.csv)
//   dotnet cake --target=CheckResults                       regenerate into a temp folder and diff with results/
//   dotnet cake --target=Bench                              BenchmarkDotNet suite → results/performance.md
//   dotnet cake --target=Bench --bench-filter=multiclass    only the softmax steps and AdaHessianMaximumEntropy's memory:
//                                                           replaces that section of results/performance.md, keeps the rest
//   dotnet cake --target=Profile [--seconds=3]              perf sampling profile of each kernel case → results/profile.md
//   --profile=quick|full   --fashion-mnist=<folder>   --configuration=Release|Debug

var target = Argument("target", "Study");
var configuration = Argument("configuration", "Release");
var profile = Argument("profile", "full");
var profileSeconds = Argument("seconds", "3");
var fashionMnistArgument = Argument("fashion-mnist", EnvironmentVariable("FASHION_MNIST_DIR") ?? "");

const string Solution = "./AdaHessian.MLNet.sln";
const string PackageOutput = "./artifacts/packages";
const string StudyProject = "./study/AdaHessian.Study/AdaHessian.Study.csproj";
const string BenchProject = "./study/AdaHessian.Benchmarks/AdaHessian.Benchmarks.csproj";
const string DebianDatasetDir = "/usr/share/datasets/fashion-mnist";
static readonly string[] DatasetFiles =
{
    "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
};

const string SuiteProject = "./study/AdaHessian.Suite/AdaHessian.Suite.csproj";
const string StreamingProject = "./study/AdaHessian.StreamingProbe/AdaHessian.StreamingProbe.csproj";

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
    // The tests find the data through FASHION_MNIST_DIR, so a folder given to Cake reaches them as it reaches the study.
    var data = ResolveFashionMnist();
    DotNetTest(Solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        EnvironmentVariables = new Dictionary<string, string> { ["FASHION_MNIST_DIR"] = data },
    });
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
    // results/data also holds what other targets write (the suite's CSVs): compare the files the study writes, each
    // with its committed copy (a file the study writes that is not committed shows as new).
    var committed = temp + "-committed";
    var written = System.IO.Path.Combine(temp, "data");
    foreach (var file in System.IO.Directory.GetFiles(written, "*", System.IO.SearchOption.AllDirectories))
    {
        var relative = System.IO.Path.GetRelativePath(written, file);
        var source = System.IO.Path.Combine("results", "data", relative);
        var copy = System.IO.Path.Combine(committed, relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy));
        if (System.IO.File.Exists(source)) System.IO.File.Copy(source, copy);
    }

    int code = StartProcess("git", new ProcessSettings { Arguments = $"diff --no-index --stat -- \"{committed}\" \"{written}\"" });
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
            .Append("--output").AppendQuoted(MakeAbsolute(File("./results/performance.md")).FullPath)
            .Append("--filter").Append(Argument("bench-filter", "all")),
    });
});

// perf's software clock needs no hardware counters, so it works in a VM too; hardware events often do not.
void EnsurePerf()
{
    bool hasPerf()
    {
        try
        {
            return StartProcess("perf", new ProcessSettings { Arguments = "--version", RedirectStandardOutput = true, RedirectStandardError = true }) == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    if (!hasPerf() && IsDebianRoot()) AptInstall("linux-perf");
    if (!hasPerf())
        throw new Exception("perf is missing: install it (Debian: sudo apt-get install linux-perf; Ubuntu: sudo apt-get install " +
            "linux-tools-common linux-tools-$(uname -r)) and run --target=Profile again.");
}

// One `perf record` per kernel case (the workload enables sampling through a FIFO after its warm-up), one `perf report`
// each, then the benchmark program renders them. Independent of Bench; about two minutes.
Task("Profile").Does(() =>
{
    EnsurePerf();
    var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adahessian-profile-" + System.Guid.NewGuid().ToString("N"));
    var bin = System.IO.Path.Combine(temp, "bin");
    DotNetBuild(BenchProject, new DotNetBuildSettings { Configuration = "Release", OutputDirectory = bin });
    var dll = System.IO.Path.Combine(bin, "AdaHessian.Benchmarks.dll");
    var quick = profile == "quick" ? " --quick" : "";
    var perfEnv = new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "1", ["DOTNET_EnableWriteXorExecute"] = "0" };
    StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{dll}\" --filter profile --case list", RedirectStandardOutput = true },
        out IEnumerable<string> caseList);
    foreach (var name in caseList.Where(l => l.Length > 0))
    {
        string fifo = System.IO.Path.Combine(temp, name + ".fifo"), data = System.IO.Path.Combine(temp, name + ".data");
        if (StartProcess("mkfifo", new ProcessSettings { Arguments = $"\"{fifo}\"" }) != 0) throw new Exception($"mkfifo {fifo} failed.");
        int code = StartProcess("perf", new ProcessSettings
        {
            Arguments = $"record -q -e cpu-clock -F 999 -D -1 --control \"fifo:{fifo}\" -o \"{data}\" -- dotnet \"{dll}\" " +
                $"--filter profile --case {name} --seconds {profileSeconds} --perf-control \"{fifo}\"{quick}",
            EnvironmentVariables = perfEnv,
            RedirectStandardOutput = true,
        }, out IEnumerable<string> workload);
        var lines = workload.ToList();
        if (code != 0)
            throw new Exception($"perf record of {name} failed (exit {code}); as a non-root user set kernel.perf_event_paranoid to 1 or lower. " +
                string.Join(" ", lines));
        System.IO.File.WriteAllLines(System.IO.Path.Combine(temp, name + ".log"), lines);
        code = StartProcess("perf", new ProcessSettings
        {
            Arguments = $"report -i \"{data}\" --stdio --no-children --sort comm,dso,symbol -n",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }, out IEnumerable<string> report, out IEnumerable<string> errors);
        if (code != 0) throw new Exception($"perf report of {name} failed (exit {code}): {string.Join(" ", errors)}");
        System.IO.File.WriteAllLines(System.IO.Path.Combine(temp, name + ".txt"), report);

        // The runtime's perf maps are only needed until the report is made.
        var pid = lines.FirstOrDefault(l => l.StartsWith("pid "))?.Substring(4);
        foreach (var map in pid is null ? new string[0] : new[] { $"/tmp/perf-{pid}.map", $"/tmp/perfinfo-{pid}.map" })
            if (System.IO.File.Exists(map)) System.IO.File.Delete(map);
        Information($"{name}: {lines.LastOrDefault()}");
    }

    var output = MakeAbsolute(File("./results/profile.md")).FullPath;
    if (StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{dll}\" --filter profile-report --input \"{temp}\" --output \"{output}\"" }) != 0)
        throw new Exception($"The profile report failed; the perf reports are in {temp}.");
    System.IO.Directory.Delete(temp, recursive: true);
});

// The libraries under src/ are the only packable projects; the version comes from the git tags (MinVer).
Task("Pack").Does(() =>
{
    var output = MakeAbsolute(Directory(PackageOutput));
    CleanDirectory(output);
    foreach (var project in GetFiles("./src/*/*.csproj"))
    {
        DotNetPack(project.FullPath, new DotNetPackSettings { Configuration = configuration, OutputDirectory = output });
    }

    var packages = GetFiles($"{output}/*.nupkg").Concat(GetFiles($"{output}/*.snupkg")).Select(f => f.GetFilename().FullPath).OrderBy(n => n).ToList();
    if (!packages.Any(p => p.EndsWith(".snupkg"))) throw new Exception($"No symbol package in {output}.");
    foreach (var package in packages) Information($"{output}/{package}");
});

// The defaults suite reads public data that Debian packages ship; a dataset whose files are missing is skipped (the
// report says so). As root on Debian the packages are installed; python3-statsmodels only adds one dataset, so a failed
// install of it is a warning, not an error.
static readonly (string Package, string File)[] SuitePackages =
{
    ("weka", "/usr/share/doc/weka/examples/diabetes.arff"),
    ("liblinear-tools", "/usr/share/doc/liblinear-tools/examples/heart_scale"),
    ("python3-sklearn", "/usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv"),
    ("dataset-fashion-mnist", DebianDatasetDir + "/t10k-labels-idx1-ubyte.gz"),
    ("python3-statsmodels", "/usr/lib/python3/dist-packages/statsmodels/datasets/fair/fair.csv"),
};

void EnsureSuiteData()
{
    string[] missing() => SuitePackages.Where(p => !System.IO.File.Exists(p.File)).Select(p => p.Package).ToArray();
    if (missing().Length > 0 && IsDebianRoot())
    {
        var required = missing().Where(p => p != "python3-statsmodels").ToArray();
        if (required.Length > 0) AptInstall(required);
        if (missing().Contains("python3-statsmodels"))
        {
            try { AptInstall("python3-statsmodels"); }
            catch (Exception e) { Warning($"python3-statsmodels did not install ({e.Message}); the fair dataset will be skipped."); }
        }
    }

    if (missing().Length > 0)
        Warning($"Datasets of the suite will be skipped: install their files with `sudo apt-get install {string.Join(" ", missing())}`.");
}

Task("Suite").Does(() =>
{
    EnsureSuiteData();
    var args = new ProcessArgumentBuilder()
        .Append("--output").AppendQuoted(MakeAbsolute(File(Argument("output", "./results/defaults-suite.md"))).FullPath)
        .Append("--fits").Append(Argument("fits", "3"));
    if (HasArgument("dataset")) args.Append("--dataset").AppendQuoted(Argument<string>("dataset"));
    if (HasArgument("trainer")) args.Append("--trainer").AppendQuoted(Argument<string>("trainer"));
    if (!string.IsNullOrEmpty(fashionMnistArgument)) args.Append("--fashion-mnist").AppendQuoted(fashionMnistArgument);
    DotNetRun(SuiteProject, new DotNetRunSettings
    {
        Configuration = "Release",
        ArgumentCustomization = a => a.Append("--").Append(args.Render()),
    });
});

// The multiclass trainers against ML.NET's on all ten Fashion-MNIST classes, and a tight L-BFGS reference for F* →
// results/multiclass.md and its two figures (about 5 min).
Task("Multiclass").Does(() =>
{
    var args = new ProcessArgumentBuilder()
        .Append("--multiclass").AppendQuoted(MakeAbsolute(File(Argument("output", "./results/multiclass.md"))).FullPath)
        .Append("--rows").Append(Argument("rows", "60000"))
        .Append("--fashion-mnist").AppendQuoted(ResolveFashionMnist());
    EnsureFonts();
    DotNetRun(SuiteProject, new DotNetRunSettings
    {
        Configuration = "Release",
        ArgumentCustomization = a => a.Append("--").Append(args.Render()),
    });
});

// The softmax trainers at their defaults (L2 chosen automatically) against ML.NET's multiclass trainers and a
// cross-validated LbfgsMaximumEntropy on public multiclass tabular data from Debian packages (weka, python3-sklearn) →
// results/multiclass-suite.md (+ data/multiclass-suite.csv). A dataset whose files are missing is skipped (the report
// says so); as root on Debian the packages are installed.
Task("MulticlassSuite").Does(() =>
{
    var missing = SuitePackages.Where(p => p.Package is "weka" or "python3-sklearn" && !System.IO.File.Exists(p.File)).Select(p => p.Package).ToArray();
    if (missing.Length > 0 && IsDebianRoot()) AptInstall(missing);
    var args = new ProcessArgumentBuilder()
        .Append("--multiclass-suite").AppendQuoted(MakeAbsolute(File(Argument("output", "./results/multiclass-suite.md"))).FullPath)
        .Append("--fits").Append(Argument("fits", "3"));
    if (HasArgument("dataset")) args.Append("--dataset").AppendQuoted(Argument<string>("dataset"));
    DotNetRun(SuiteProject, new DotNetRunSettings
    {
        Configuration = "Release",
        ArgumentCustomization = a => a.Append("--").Append(args.Render()),
    });
});

// Streamed training on a binary-format file many times the heap limit, against the same file in memory → results/streaming.md
// (about 7 min; the files, about 3.5 GB, stay in artifacts/streaming for the next run).
Task("Streaming").Does(() =>
{
    var args = new ProcessArgumentBuilder()
        .Append("benchmark")
        .AppendQuoted(MakeAbsolute(Directory("./artifacts/streaming")).FullPath)
        .AppendQuoted(MakeAbsolute(File(Argument("output", "./results/streaming.md"))).FullPath)
        .Append(Argument("rows", "9500000"));
    DotNetRun(StreamingProject, new DotNetRunSettings
    {
        Configuration = "Release",
        ArgumentCustomization = a => a.Append("--").Append(args.Render()),
    });
});

RunTarget(target);
