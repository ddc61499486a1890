using System.Text.RegularExpressions;

namespace AdaHessian.Benchmarks.Profiling;

/// <summary>Short names for perf's symbols and the category each short name counts under.</summary>
internal static partial class ProfileSymbols
{
    public const string RowKernels = "row kernels";
    public const string ExpLog = "exp/log";
    public const string VectorWork = "O(d) vector work";
    public const string Mixed = "inlined pass (mixed)";
    public const string Runner = "thread pool / runner";
    public const string Kernel = "kernel";
    public const string Other = "other";

    /// <summary>The categories in report order.</summary>
    public static IReadOnlyList<string> Categories { get; } = [RowKernels, ExpLog, VectorWork, Mixed, Runner, Kernel, Other];

    /// <summary>
    /// The first entry whose text the short name contains gives its category; no match is <see cref="Other"/>.
    /// ChunkRunner::Work and ChunkedPass::Run count as row kernels: on CSR rows the JIT inlines the chunk body (the
    /// per-row pass) into them, guarded devirtualization into Work, FusedPass into ChunkedPass.Run. Callers into which
    /// the JIT may inline the whole pass together with its O(d) set-up and finish (LogisticObjective's Evaluate methods,
    /// the benchmark loop) count as <see cref="Mixed"/>. libcoreclr has no symbols here; its samples are counted with
    /// the runner, since the pool threads that run ChunkRunner helpers wait and spin in it.
    /// </summary>
    public static IReadOnlyList<(string Contains, string Category)> CategoryTable { get; } =
    [
        ("libm exp", ExpLog),
        ("libm log", ExpLog),
        ("RowKernels::SumOfSquares", VectorWork),
        ("RowKernels::ScaleAnd", VectorWork),
        ("AdaHessian.Objective.RowKernels::", RowKernels),
        ("AdaHessian.Objective.RowBlockKernels::", RowKernels),
        ("AdaHessian.Objective.FusedPass::", RowKernels),
        ("AdaHessian.Data.FeatureMatrix::", RowKernels),
        ("AdaHessian.Objective.ChunkRunner::Work", RowKernels),
        ("AdaHessian.Objective.ChunkedPass::Run", RowKernels),
        ("AdaHessian.Objective.LogisticObjective::Evaluate", Mixed),
        ("AdaHessian.Curvature.CurvatureEstimator::EvaluateAndRefresh", Mixed),
        ("AdaHessian.Benchmarks.", Mixed),
        ("AdaHessian.Objective.ChunkRunner", Runner),
        ("AdaHessian.Objective.", VectorWork),
        ("AdaHessian.Optimizers.", VectorWork),
        ("AdaHessian.Curvature.", VectorWork),
        ("MathNet.Numerics.Random.", VectorWork),
        ("System.Numerics.Tensors.", VectorWork),
        ("System.SpanHelpers::", VectorWork),
        ("libc mem", VectorWork),
        ("System.Threading.", Runner),
        ("sched_yield", Runner),
        ("libcoreclr.so", Runner),
        (Kernel, Kernel),
    ];

    /// <summary>The category of a short name (<see cref="Shorten"/>).</summary>
    public static string CategoryOf(string shortName)
    {
        foreach ((string contains, string category) in CategoryTable)
        {
            if (shortName.Contains(contains, StringComparison.Ordinal))
            {
                return category;
            }
        }

        return Other;
    }

    /// <summary>
    /// <c>Namespace.Type::Method</c> for a .NET method (no signature, tier, <c>instance</c>, return type or assembly),
    /// <c>libm exp</c>/<c>libm log</c> for the C library's exp/log, <c>libc memset</c> etc., <c>kernel</c> for kernel
    /// symbols, <c>&lt;object&gt; (unresolved)</c> for a bare address; any other native symbol without its
    /// <c>@GLIBC…</c> version.
    /// </summary>
    /// <param name="symbol">The symbol column of <c>perf report --sort symbol</c>, with its <c>[.]</c>/<c>[k]</c> mark.</param>
    /// <param name="dso">The Shared Object column, if the report has one.</param>
    public static string Shorten(string symbol, string dso = "")
    {
        symbol = symbol.Trim();
        if (symbol.StartsWith("[k]", StringComparison.Ordinal))
        {
            return Kernel;
        }

        if (symbol.StartsWith('[') && symbol.Length > 3 && symbol[2] == ']')
        {
            symbol = symbol[3..].TrimStart();
        }

        int colons = symbol.IndexOf("::", StringComparison.Ordinal);
        if (colons > 0)
        {
            int open = symbol.IndexOf('(', colons);
            string method = symbol[(colons + 2)..(open < 0 ? symbol.Length : open)];
            string head = symbol[..colons];
            string type = head[(head.LastIndexOfAny([' ', ']']) + 1)..];
            return Generic().Replace(type, "") + "::" + LocalFunction().Replace(method, "$1.$2");
        }

        string native = symbol.Split('@')[0];
        if (native.StartsWith("0x", StringComparison.Ordinal))
        {
            string where = dso.StartsWith("[JIT]", StringComparison.Ordinal) ? "JIT code" : Path.GetFileName(dso.Trim('[', ']'));
            return where.Length == 0 ? "unresolved address" : where + " (unresolved)";
        }

        Match math = LibmExpLog().Match(native);
        if (math.Success)
        {
            return "libm " + math.Groups[1].Value;
        }

        Match memory = LibcMemory().Match(native);
        return memory.Success ? "libc " + memory.Groups[1].Value : native.Length == 0 ? symbol : native;
    }

    [GeneratedRegex(@"`\d+(<.*>)?")]
    private static partial Regex Generic();

    [GeneratedRegex(@"^<(.+)>g__([^|]+)\|.*$")]
    private static partial Regex LocalFunction();

    [GeneratedRegex(@"^_*(?:ieee754_)?(exp|log)f?(?:_\w+)?$")]
    private static partial Regex LibmExpLog();

    [GeneratedRegex(@"^_*(memset|memmove|memcpy)(?:_\w+)?$")]
    private static partial Regex LibcMemory();
}
