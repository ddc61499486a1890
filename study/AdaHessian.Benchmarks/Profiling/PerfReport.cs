using System.Globalization;
using System.Text.RegularExpressions;

namespace AdaHessian.Benchmarks.Profiling;

/// <summary>Samples of one symbol under its short name, on one thread (empty when the report has no Command column).</summary>
internal sealed record ProfileSymbol(string Name, string Category, long Samples, string Thread = "");

/// <summary>
/// The parsed text of <c>perf report --stdio --no-children --sort [comm,][dso,]symbol [-n]</c>. Columns are cut where
/// the header's dotted line puts them, since thread, object and symbol names all contain spaces. With <c>-n</c> the
/// sample counts are exact; without it they are estimated from the percentages and the header's <c># Samples: 4K</c>.
/// </summary>
internal sealed partial record PerfReport(string Event, long TotalSamples, long LostSamples, IReadOnlyList<ProfileSymbol> Entries)
{
    /// <summary>Samples per short name over all threads, most first.</summary>
    public IReadOnlyList<ProfileSymbol> Symbols { get; } =
    [
        .. Entries.GroupBy(e => e.Name, StringComparer.Ordinal)
            .Select(g => new ProfileSymbol(g.Key, g.First().Category, g.Sum(e => e.Samples)))
            .OrderByDescending(s => s.Samples).ThenBy(s => s.Name, StringComparer.Ordinal),
    ];

    /// <summary>Samples per thread name, most first.</summary>
    public IReadOnlyList<(string Thread, long Samples)> Threads { get; } =
    [
        .. Entries.GroupBy(e => e.Thread, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(e => e.Samples)))
            .OrderByDescending(t => t.Item2).ThenBy(t => t.Key, StringComparer.Ordinal),
    ];

    public static PerfReport Parse(string text)
    {
        string eventName = "?";
        long headerSamples = 0, lost = 0;
        string[] lines = text.Split('\n');
        int dots = Array.FindIndex(lines, l => l.StartsWith("# ..", StringComparison.Ordinal));
        if (dots < 1)
        {
            throw new FormatException("Not a `perf report --stdio` text: no '# ....' column header.");
        }

        Dictionary<string, (int Start, int End)> columns = Columns(lines[dots - 1], lines[dots]);
        if (!columns.ContainsKey("Overhead") || !columns.ContainsKey("Symbol"))
        {
            throw new FormatException("The perf report needs the Overhead and Symbol columns (--sort symbol).");
        }

        var rows = new List<(double Percent, long? Samples, string Thread, string Dso, string Symbol)>();
        foreach (string line in lines)
        {
            if (SamplesHeader().Match(line) is { Success: true } header)
            {
                headerSamples = (long)(double.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture) *
                    header.Groups[2].Value switch { "K" => 1e3, "M" => 1e6, _ => 1 });
                eventName = header.Groups[3].Value;
            }
            else if (LostHeader().Match(line) is { Success: true } l)
            {
                lost = long.Parse(l.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (!line.StartsWith('#') && Cell(line, columns, "Overhead") is { } overhead && overhead.EndsWith('%'))
            {
                string? samples = Cell(line, columns, "Samples");
                rows.Add((double.Parse(overhead[..^1], CultureInfo.InvariantCulture),
                    samples is null ? null : long.Parse(samples, CultureInfo.InvariantCulture),
                    Cell(line, columns, "Command") ?? "", Cell(line, columns, "Shared Object") ?? "", Cell(line, columns, "Symbol") ?? ""));
            }
        }

        bool exact = rows.Count > 0 && rows.All(r => r.Samples is not null);
        var entries = rows.Select(r =>
        {
            string name = ProfileSymbols.Shorten(r.Symbol, r.Dso);
            long samples = r.Samples ?? (long)Math.Round(r.Percent / 100 * headerSamples);
            return new ProfileSymbol(name, ProfileSymbols.CategoryOf(name), samples, r.Thread);
        }).ToList();
        return new PerfReport(eventName, exact ? entries.Sum(e => e.Samples) : headerSamples, lost, entries);
    }

    /// <summary>The share of all samples (0…1).</summary>
    public double Share(long samples) => TotalSamples == 0 ? 0 : (double)samples / TotalSamples;

    /// <summary>Samples per category (of one thread, or all), in <see cref="ProfileSymbols.Categories"/> order.</summary>
    public IReadOnlyList<(string Category, long Samples)> ByCategory(string? thread = null) =>
    [
        .. ProfileSymbols.Categories.Select(c =>
            (c, Entries.Where(e => e.Category == c && (thread is null || e.Thread == thread)).Sum(e => e.Samples))),
    ];

    // Each run of dots in the "# ...." line is one column; its name is the header text above it.
    private static Dictionary<string, (int Start, int End)> Columns(string header, string dots)
    {
        var columns = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        MatchCollection runs = DotRuns().Matches(dots);
        foreach (Match m in runs)
        {
            string name = header.Length > m.Index ? header[m.Index..Math.Min(header.Length, m.Index + m.Length)].Trim() : "";
            columns.TryAdd(name, (m.Index, m == runs[^1] ? int.MaxValue : m.Index + m.Length)); // the last runs to the line's end
        }

        return columns;
    }

    private static string? Cell(string line, Dictionary<string, (int Start, int End)> columns, string name)
    {
        if (!columns.TryGetValue(name, out var span) || line.Length <= span.Start)
        {
            return null;
        }

        string cell = line[span.Start..Math.Min(line.Length, span.End)].Trim();
        return cell.Length == 0 ? null : cell;
    }

    [GeneratedRegex(@"^# Samples: ([\d.]+)([KM]?) of event '([^']*)'")]
    private static partial Regex SamplesHeader();

    [GeneratedRegex(@"^# Total Lost Samples: (\d+)")]
    private static partial Regex LostHeader();

    [GeneratedRegex(@"\.+")]
    private static partial Regex DotRuns();
}
