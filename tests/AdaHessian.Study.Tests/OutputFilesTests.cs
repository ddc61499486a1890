namespace AdaHessian.Study.Tests;

/// <summary>The study leaves complete outputs and no temporary files behind.</summary>
[Collection(QuickStudyCollection.Name)]
public sealed class OutputFilesTests(QuickStudyFixture study)
{
    [Fact]
    public void Writes_summary_report_and_timings()
    {
        foreach (string name in new[] { "summary.json", "report.md", "timings.md" })
        {
            string path = Path.Combine(study.OutputDirectory, name);
            Assert.True(File.Exists(path), $"{name} is missing");
            Assert.NotEqual(0, new FileInfo(path).Length);
        }
    }

    [Fact]
    public void Every_figure_has_png_and_svg_and_no_temp_file_remains()
    {
        string figures = Path.Combine(study.OutputDirectory, "figures");
        string[] pngs = Directory.GetFiles(figures, "*.png");
        Assert.NotEmpty(pngs);
        Assert.All(pngs, png => Assert.True(File.Exists(Path.ChangeExtension(png, ".svg")), $"{png} has no SVG"));
        Assert.Empty(Directory.GetFiles(study.OutputDirectory, "*.tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Report_links_only_existing_figures()
    {
        string report = File.ReadAllText(Path.Combine(study.OutputDirectory, "report.md"));
        var links = System.Text.RegularExpressions.Regex.Matches(report, @"\]\((figures/[^)]+)\)");
        Assert.NotEmpty(links);
        Assert.All(links, m => Assert.True(File.Exists(Path.Combine(study.OutputDirectory, m.Groups[1].Value)), m.Groups[1].Value));
    }
}
