namespace AdaHessian.Study;

/// <summary>Where experiments report what they are doing.</summary>
internal interface IStudyProgress
{
    /// <summary>Starts a named unit of work with <paramref name="total"/> steps.</summary>
    void Start(string task, int total);

    /// <summary>Marks <paramref name="steps"/> steps of the current task done.</summary>
    void Advance(int steps = 1);

    /// <summary>A one-line message.</summary>
    void Message(string text);
}
