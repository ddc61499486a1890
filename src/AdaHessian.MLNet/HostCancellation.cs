using AdaHessian.MLNet.Interop;
using AdaHessian.Training;
using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>
/// Turns ML.NET's cancellation of an environment (<c>MLContext.CancelExecution</c>, which AutoML uses) into a
/// <see cref="CancellationToken"/> for the core training loop, which checks it before every step. ML.NET signals
/// cancellation only through a flag, so the flag is polled every <see cref="PollMilliseconds"/> while a fit runs, and
/// after every epoch on the training thread itself (<see cref="Polling"/>): a thread pool kept busy by other work can
/// delay the timer for as long as a whole fit.
/// </summary>
internal sealed class HostCancellation : IDisposable
{
    /// <summary>How often the environment's flag is read; bounds the delay between cancelling and stopping.</summary>
    public const int PollMilliseconds = 5;

    private readonly CancellationTokenSource _source = new();
    private readonly Timer _timer;
    private readonly IHostEnvironment _env;

    /// <param name="env">The environment whose flag is read.</param>
    /// <param name="pollMilliseconds">The timer's period; <see cref="Timeout.Infinite"/> reads the flag only after epochs.</param>
    public HostCancellation(IHostEnvironment env, int pollMilliseconds = PollMilliseconds)
    {
        _env = env;
        ThrowIfCancelled();
        _timer = new Timer(_ => Poll(), null, pollMilliseconds, pollMilliseconds);
    }

    /// <summary>Cancelled once the environment is.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Throws <see cref="OperationCanceledException"/>, as ML.NET's trainers do, when the environment was cancelled.</summary>
    public void ThrowIfCancelled()
    {
        if (MlNetBridge.IsCancellationRequested(_env))
        {
            throw new OperationCanceledException("The ML.NET environment's execution was cancelled; training stopped.");
        }
    }

    /// <summary>Tells <paramref name="inner"/> of every epoch, then reads the environment's flag.</summary>
    public IProgress<TrainingProgress> Polling(IProgress<TrainingProgress> inner) => new PollingProgress(this, inner);

    public void Dispose()
    {
        _timer.Dispose();
        _source.Dispose();
    }

    private void Poll()
    {
        if (!_source.IsCancellationRequested && MlNetBridge.IsCancellationRequested(_env))
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The fit ended between the check and the cancel.
            }
        }
    }

    private sealed class PollingProgress(HostCancellation cancellation, IProgress<TrainingProgress> inner) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            inner.Report(value);
            cancellation.Poll();
        }
    }
}
