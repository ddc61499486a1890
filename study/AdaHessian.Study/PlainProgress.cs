namespace AdaHessian.Study;

/// <summary>Progress as plain lines (for logs and redirected output): each task at 0, every 10 % and 100 %.</summary>
internal sealed class PlainProgress(TextWriter output) : IStudyProgress
{
    private string _task = "";
    private int _total;
    private int _done;
    private int _lastTenth;

    public void Start(string task, int total)
    {
        (_task, _total, _done, _lastTenth) = (task, Math.Max(total, 1), 0, 0);
        output.WriteLine($"[{_task}] started ({_total} steps)");
    }

    public void Advance(int steps = 1)
    {
        _done = Math.Min(_total, _done + steps);
        int tenth = _done * 10 / _total;
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine($"[{_task}] {_done}/{_total}");
        }
    }

    public void Message(string text) => output.WriteLine($"[{_task}] {text}");
}
