using System.Text.Json.Nodes;
using AdaHessian.Datasets;
using AdaHessian.Study;

namespace AdaHessian.Study.Tests;

/// <summary>Runs the quick profile once into a temporary folder; the snapshot tests read its outputs.</summary>
public sealed class QuickStudyFixture : IDisposable
{
    public QuickStudyFixture()
    {
        OutputDirectory = Path.Combine(Path.GetTempPath(), "adahessian-study-" + Guid.NewGuid().ToString("N"));
        FashionMnistDirectory = FashionMnistLocation.Resolve(null);
        var context = new StudyContext(StudyProfile.All["quick"], OutputDirectory, FashionMnistDirectory,
            new PlainProgress(TextWriter.Null), CancellationToken.None);
        Summary = StudyRunner.Run(context);
    }

    internal string OutputDirectory { get; }

    internal string? FashionMnistDirectory { get; }

    internal JsonObject Summary { get; }

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}
