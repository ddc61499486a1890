using System.Reflection;
using AdaHessian.MLNet.Tests.TestSupport;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet.Tests;

public class HostCancellationTests
{
    [Fact]
    public void Without_the_timer_the_flag_is_read_after_every_epoch_on_the_reporting_thread()
    {
        var ml = new MLContext(seed: 1);
        using var cancellation = new HostCancellation(((IHostEnvironment)ml).Register("trainer"), Timeout.Infinite);
        var reports = new List<int>();
        var progress = cancellation.Polling(new Observer(r => reports.Add(r.Epoch)));

        progress.Report(Epoch(1));
        Assert.False(cancellation.Token.IsCancellationRequested);
        Cancel(ml);
        Assert.False(cancellation.Token.IsCancellationRequested); // nothing reads the flag between epochs
        progress.Report(Epoch(2));

        Assert.True(cancellation.Token.IsCancellationRequested);
        Assert.Equal([1, 2], reports);
    }

    private static TrainingProgress Epoch(int epoch) => new(epoch, 10, epoch, 0.5, 0.1, new double[3], double.NaN);

    // MLContext.CancelExecution is internal in ML.NET (AutoML calls it); reached as the other cancellation tests do.
    private static void Cancel(MLContext ml) =>
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.Invoke(ml, null);
}
