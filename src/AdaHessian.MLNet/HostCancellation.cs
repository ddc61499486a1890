using AdaHessian.MLNet.Interop;
using Microsoft.ML.Runtime;

namespace AdaHessian.MLNet;

/// <summary>
/// Turns ML.NET's cancellation of an environment (<c>MLContext.CancelExecution</c>, which AutoML uses) into a
/// <see cref="CancellationToken"/> for the core training loop, which checks it before every step. ML.NET signals
/// cancellation only through a flag, so the flag is polled every <see cref="PollMilliseconds"/> while a fit runs.
/// </summary>
internal sealed class HostCancellation : IDisposable
{
    /// <summary>How often the environment's flag is read; bounds the delay between cancelling and stopping.</summary>
    public const int PollMilliseconds = 5;

    private readonly CancellationTokenSource _source = new();
    private readonly Timer _timer;
    private readonly IHostEnvironment _env;

    public HostCancellation(IHostEnvironment env)
    {
        _env = env;
        ThrowIfCancelled();
        _timer = new Timer(_ => Poll(), null, PollMilliseconds, PollMilliseconds);
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
}
