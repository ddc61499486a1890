using AdaHessian.Study.Figures;
using AdaHessian.Suite.Figures;
using AdaHessian.Suite.Running;

namespace AdaHessian.Suite.Report;

/// <summary>Writes one <see cref="L2PathFigure"/> per dataset with a path, PNG and SVG, into a figures folder.</summary>
internal static class L2PathFigures
{
    /// <summary>Width of each figure, pixels.</summary>
    public const int Width = 640;

    /// <summary>Height of each figure, pixels.</summary>
    public const int Height = 480;

    /// <summary>The file name, without extension, of <paramref name="dataset"/>'s figure for a report named <paramref name="report"/>.</summary>
    public static string Name(string report, string dataset) => $"{report}-l2-path-{dataset}";

    /// <summary>
    /// Writes the figures of <paramref name="result"/> into <paramref name="folder"/>, named after <paramref name="report"/>
    /// (the report's file name without extension); returns, per dataset drawn, the file name without extension.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Write(SuiteResult result, string folder, string report)
    {
        AdaHessian.Study.Fonts.EnsureAvailable();
        Directory.CreateDirectory(folder);
        var methods = RegularizationMethod.Choices(result);
        var written = new Dictionary<string, string>();
        foreach (var d in result.Datasets.Where(d => d.Path is { Succeeded: true }))
        {
            var marks = methods.Select(m => new L2PathFigure.Mark(m.Name, m.L2(d), m.TestLogLoss(d))).ToList();
            var plot = L2PathFigure.Create($"{d.Name} ({d.TrainRows:N0} training row{(d.TrainRows == 1 ? "" : "s")})", d.Path!.Points, marks);
            written[d.Name] = Name(report, d.Name);
            FigureWriter.Save(plot, Path.Combine(folder, written[d.Name]), Width, Height);
        }

        return written;
    }
}
