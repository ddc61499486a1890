using System.Runtime.ExceptionServices;

namespace AdaHessian.Objective;

/// <summary>The work of one <see cref="ChunkRunner.Run"/> call: runs chunk <c>c</c> of the current call.</summary>
/// <remarks>
/// The caller allocates one body object and reuses it, setting its fields before each call, so a call allocates
/// nothing. <see cref="Run"/> may be called from several threads at once, each time with a different chunk.
/// </remarks>
internal interface IChunkBody
{
    /// <summary>Runs one chunk.</summary>
    void Run(int chunk);
}

/// <summary>
/// Runs chunks 0 … n − 1 of a body on up to <see cref="NumberOfThreads"/> threads, the calling thread included,
/// and allocates nothing per call in steady state (<c>Parallel.For</c> allocates about 1.6 KB).
/// </summary>
/// <remarks>
/// Helpers are thread-pool work items allocated once and queued with
/// <see cref="ThreadPool.UnsafeQueueUserWorkItem(IThreadPoolWorkItem, bool)"/>; every thread claims the next
/// unclaimed chunk with a compare-and-swap on one 64-bit word (chunk count in the high half, next index in the low
/// half), so a helper that starts late, even during a later call, claims a chunk of whatever call is current or
/// finds none and leaves. The caller waits only for chunks to complete, never for helpers to start: it can run every
/// chunk itself, so a busy or starved pool costs parallelism, never a deadlock.
/// Which thread runs which chunk is not defined; write each chunk's result to its own buffer and reduce them in a
/// fixed order afterwards for results that do not depend on the thread count.
/// Not reentrant: one <see cref="Run"/> at a time per instance (a second concurrent or nested call throws
/// <see cref="InvalidOperationException"/>).
/// </remarks>
internal sealed class ChunkRunner
{
    private const int SpinsBeforeBlocking = 35; // as ManualResetEventSlim

    // SpinWait iterations (without sleeping) a helper waits for the next call: SpinOnce yields the thread after its
    // first few iterations, so this is a few tens of microseconds on an idle core and gives way to other work.
    private const int LingerSpins = 60;

    private readonly Helper _helper;
    private readonly object _gate = new(); // allocated here, not on the first blocking wait (ManualResetEventSlim would)

    // ((long)chunkCount << 32) | nextChunk; nextChunk ≤ chunkCount.
    private long _work;
    private int _remaining;
    private int _queued;
    private int _busy;
    private bool _finished;
    private IChunkBody? _body;
    private Exception? _error;

    /// <summary>Creates a runner.</summary>
    /// <param name="numberOfThreads">Threads per call, the caller included; 1 runs everything inline.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numberOfThreads"/> is less than 1.</exception>
    public ChunkRunner(int numberOfThreads)
    {
        if (numberOfThreads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numberOfThreads), numberOfThreads, "Must be ≥ 1.");
        }

        NumberOfThreads = numberOfThreads;
        _helper = new Helper(this);
    }

    /// <summary>Threads per call, the caller included.</summary>
    public int NumberOfThreads { get; }

    /// <summary>
    /// Runs <c>body.Run(c)</c> once for every c in [0, <paramref name="chunkCount"/>) and returns when all are done.
    /// </summary>
    /// <remarks>
    /// If a chunk throws, chunks not yet started are skipped, chunks already running finish, and the first exception
    /// is rethrown with its original stack trace; the runner can be used again afterwards.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkCount"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">Another call on this instance is in progress.</exception>
    public void Run(int chunkCount, IChunkBody body)
    {
        if (chunkCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkCount), chunkCount, "Must be ≥ 0.");
        }

        ArgumentNullException.ThrowIfNull(body);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("A ChunkRunner runs one call at a time.");
        }

        try
        {
            int threads = Math.Min(NumberOfThreads, chunkCount);
            if (threads <= 1)
            {
                for (int c = 0; c < chunkCount; c++)
                {
                    body.Run(c);
                }
            }
            else
            {
                RunShared(chunkCount, body, threads - 1);
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private void RunShared(int chunkCount, IChunkBody body, int helpers)
    {
        _body = body;
        _error = null;
        _remaining = chunkCount;
        _finished = false;
        Interlocked.Exchange(ref _work, (long)chunkCount << 32); // publishes the fields above

        // Items still queued from earlier calls will join this one, so queue only the shortfall.
        int missing = helpers - Volatile.Read(ref _queued);
        if (missing > 0)
        {
            Interlocked.Add(ref _queued, missing);
            for (int i = 0; i < missing; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_helper, preferLocal: false);
            }
        }

        if (!Work())
        {
            WaitForHelpers();
        }

        Exception? error = _error;
        _error = null;
        _body = null;
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    // Claims and runs chunks until none is left; true if this thread completed the last one.
    private bool Work()
    {
        bool last = false;
        while (TryClaim(out int chunk))
        {
            int finished = 1;
            try
            {
                _body!.Run(chunk);
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref _error, ex, null);
                finished += CancelUnclaimed();
            }

            if (Interlocked.Add(ref _remaining, -finished) == 0)
            {
                last = true;
                lock (_gate)
                {
                    _finished = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        return last;
    }

    // Only the thread that completes the last chunk sets _finished, once per call and before this can return.
    private void WaitForHelpers()
    {
        var spinner = default(SpinWait);
        for (int i = 0; i < SpinsBeforeBlocking; i++)
        {
            if (Volatile.Read(ref _finished))
            {
                return;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        lock (_gate)
        {
            while (!_finished)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    // A successful swap means the word was still s, so the chunk belongs to the call that is current; a helper left
    // over from an earlier call cannot take a chunk twice. _body is read only after a claim, while its call runs.
    private bool TryClaim(out int chunk)
    {
        while (true)
        {
            long s = Volatile.Read(ref _work);
            int count = (int)(s >> 32);
            int next = (int)s;
            if (next >= count)
            {
                chunk = -1;
                return false;
            }

            if (Interlocked.CompareExchange(ref _work, s + 1, s) == s)
            {
                chunk = next;
                return true;
            }
        }
    }

    // Marks every unclaimed chunk as claimed and returns how many there were.
    private int CancelUnclaimed()
    {
        while (true)
        {
            long s = Volatile.Read(ref _work);
            int count = (int)(s >> 32);
            int next = (int)s;
            if (Interlocked.CompareExchange(ref _work, ((long)count << 32) | (uint)count, s) == s)
            {
                return count - next;
            }
        }
    }

    // True while the current call has unclaimed chunks.
    private bool HasWork()
    {
        long s = Volatile.Read(ref _work);
        return (int)s < (int)(s >> 32);
    }

    // A helper stays for a while after its call ends: a training loop calls again within microseconds, and waking a
    // parked pool thread takes longer than a mini-batch's chunks. It still counts as queued while it waits, and looks
    // for work once more after it stops counting, so a call that saw it counted is never left without it.
    private sealed class Helper(ChunkRunner runner) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            do
            {
                runner.Work();
                var spinner = default(SpinWait);
                for (int i = 0; i < LingerSpins && !runner.HasWork(); i++)
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }
            }
            while (runner.HasWork());

            Interlocked.Decrement(ref runner._queued);
            runner.Work();
        }
    }
}
