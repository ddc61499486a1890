using Spectre.Console;

namespace AdaHessian.Study;

/// <summary>Progress bars for an interactive terminal.</summary>
internal sealed class SpectreProgress(ProgressContext context) : IStudyProgress
{
    private ProgressTask? _task;

    public void Start(string task, int total)
    {
        _task?.StopTask();
        _task = context.AddTask(Markup.Escape(task), maxValue: Math.Max(total, 1));
    }

    public void Advance(int steps = 1) => _task?.Increment(steps);

    public void Message(string text) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(text)}[/]");
}
