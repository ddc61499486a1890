using Microsoft.ML;

namespace AdaHessian.MLNet.Tests.TestSupport;

/// <summary>Collects the messages of a context's log; read them under a lock on the list (trainers may log from any thread).</summary>
internal static class LogCapture
{
    public static List<string> Messages(MLContext ml)
    {
        var messages = new List<string>();
        ml.Log += (_, e) =>
        {
            lock (messages)
            {
                messages.Add(e.Message);
            }
        };
        return messages;
    }
}
