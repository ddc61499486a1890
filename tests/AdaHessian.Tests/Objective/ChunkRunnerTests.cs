using AdaHessian.Objective;

namespace AdaHessian.Tests.Objective;

// Not run in parallel with other test classes: the allocation test reads the process-wide allocation counter.
[Collection(ChunkRunnerTests.Collection)]
public class ChunkRunnerTests
{
    public const string Collection = "ChunkRunner (no parallel tests)";

    public static TheoryData<int, int> CountsAndThreads()
    {
        var data = new TheoryData<int, int>();
        foreach (int chunkCount in new[] { 0, 1, 2, 3, 31, 32, 100 })
        {
            foreach (int threads in new[] { 1, 2, 3, 4 })
            {
                data.Add(chunkCount, threads);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CountsAndThreads))]
    public void Every_chunk_runs_exactly_once(int chunkCount, int threads)
    {
        var runner = new ChunkRunner(threads);
        var body = new CountingBody(chunkCount);

        // Repeated calls on one runner: helpers left over from a call must not run a chunk of the next one twice.
        for (int call = 0; call < 200; call++)
        {
            Array.Clear(body.Counts);
            runner.Run(chunkCount, body);
            Assert.All(body.Counts, count => Assert.Equal(1, count));
        }
    }

    [Fact]
    public void Alternating_chunk_counts_on_one_runner_run_each_chunk_once()
    {
        var runner = new ChunkRunner(4);
        var body = new CountingBody(100);
        int[] counts = [2, 100, 1, 31, 0, 3, 32];
        for (int call = 0; call < 700; call++)
        {
            int chunkCount = counts[call % counts.Length];
            Array.Clear(body.Counts);
            runner.Run(chunkCount, body);
            Assert.All(body.Counts.Take(chunkCount), count => Assert.Equal(1, count));
            Assert.All(body.Counts.Skip(chunkCount), count => Assert.Equal(0, count));
        }
    }

    [Fact]
    public void Per_chunk_results_reduced_in_fixed_order_are_bitwise_identical_for_any_thread_count()
    {
        const int chunkCount = 32;
        var values = new double[chunkCount * 257];
        var random = new Random(12345);
        for (int i = 0; i < values.Length; i++)
        {
            // Magnitudes from 1e-8 to 1e8: the sum's last bits depend on the order of additions.
            values[i] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
        }

        long? expected = null;
        foreach (int threads in new[] { 1, 2, 3, 4, 8 })
        {
            var runner = new ChunkRunner(threads);
            var body = new SumBody(values, chunkCount);
            for (int call = 0; call < 50; call++)
            {
                runner.Run(chunkCount, body);
                double total = 0;
                foreach (double partial in body.Partials)
                {
                    total += partial;
                }

                long bits = BitConverter.DoubleToInt64Bits(total);
                expected ??= bits;
                Assert.Equal(expected.Value, bits);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void An_exception_in_one_chunk_is_rethrown_and_the_runner_works_afterwards(int threads)
    {
        var runner = new ChunkRunner(threads);
        var failing = new FailingBody(32, fail: c => c == 7);

        var ex = Assert.Throws<InvalidOperationException>(() => runner.Run(32, failing));

        Assert.Equal("chunk 7 failed", ex.Message);
        Assert.Contains(nameof(FailingBody), ex.StackTrace, StringComparison.Ordinal); // thrower's frames kept
        var counting = new CountingBody(32);
        runner.Run(32, counting);
        Assert.All(counting.Counts, count => Assert.Equal(1, count));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Concurrent_exceptions_rethrow_one_of_them_after_every_started_chunk_finished(int threads)
    {
        var runner = new ChunkRunner(threads);
        for (int call = 0; call < 100; call++)
        {
            var body = new FailingBody(100, fail: c => c % 3 == 0, slow: c => c % 3 == 1);

            var ex = Assert.Throws<InvalidOperationException>(() => runner.Run(100, body));

            Assert.Matches("^chunk [0-9]+ failed$", ex.Message);
            for (int c = 0; c < 100; c++)
            {
                Assert.Equal(Volatile.Read(ref body.Started[c]), Volatile.Read(ref body.Finished[c]));
                Assert.InRange(body.Started[c], 0, 1);
            }
        }

        var counting = new CountingBody(100);
        runner.Run(100, counting);
        Assert.All(counting.Counts, count => Assert.Equal(1, count));
    }

    [Fact]
    public void A_nested_call_on_the_same_runner_is_refused()
    {
        var runner = new ChunkRunner(2);
        var body = new NestedBody(runner);

        var ex = Assert.Throws<InvalidOperationException>(() => runner.Run(4, body));

        Assert.Contains("one call at a time", ex.Message, StringComparison.Ordinal);
        runner.Run(4, new CountingBody(4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Thread_count_below_one_is_rejected(int threads)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkRunner(threads));
        Assert.Equal("numberOfThreads", ex.ParamName);
    }

    [Fact]
    public void Negative_chunk_count_is_rejected()
    {
        var runner = new ChunkRunner(2);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => runner.Run(-1, new CountingBody(0)));
        Assert.Equal("chunkCount", ex.ParamName);
        Assert.Throws<ArgumentNullException>("body", () => runner.Run(1, null!));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(2, 32)]
    [InlineData(4, 3)]
    [InlineData(4, 32)]
    public void Steady_state_calls_allocate_nothing_on_the_calling_thread(int threads, int chunkCount)
    {
        const int Calls = 2000, Rounds = 5;
        var runner = new ChunkRunner(threads);
        var body = new CountingBody(chunkCount);
        for (int call = 0; call < 100; call++)
        {
            runner.Run(chunkCount, body); // warm-up: JIT, thread-pool threads
        }

        // Guaranteed: the runner allocates nothing per call, and the calling thread only enqueues reused work items
        // and waits on a lock object allocated with the runner, so its count stays at 0. Process-wide, the thread pool may allocate for
        // itself now and then (a new worker thread, a queue segment when its queue backs up) and the test host
        // allocates in the background (≈250 KB seen in one round while it reported other results), so the total is
        // only bounded, in the quietest of several rounds: under 8 bytes per call there means no per-call allocation,
        // against Parallel.For's ~1.6 KB per call.
        long quietest = long.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            long callerBefore = GC.GetAllocatedBytesForCurrentThread();
            long totalBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (int call = 0; call < Calls; call++)
            {
                runner.Run(chunkCount, body);
            }

            long totalBytes = GC.GetTotalAllocatedBytes(precise: true) - totalBefore;
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - callerBefore);
            quietest = Math.Min(quietest, totalBytes);
        }

        Assert.True(quietest < 8 * Calls, $"{quietest} bytes allocated process-wide in {Calls} calls");
        Assert.All(body.Counts, count => Assert.Equal(Rounds * Calls + 100, count));
    }

    [Fact]
    public void Waiting_for_slower_helpers_allocates_nothing_on_the_calling_thread()
    {
        var runner = new ChunkRunner(2);
        var body = new SleepyHelpersBody(Environment.CurrentManagedThreadId);
        runner.Run(2, body); // warm-up: JIT

        // Whenever a helper takes a chunk the caller spins, then blocks on the lock. A busy pool may start helpers
        // late, so call until a few chunks ran on helpers (about half do on an idle machine), up to 10 s.
        long deadline = Environment.TickCount64 + 10_000;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int call = 0; call < 50 || (body.Helped < 5 && Environment.TickCount64 < deadline); call++)
        {
            runner.Run(2, body);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(body.Helped > 0, "no chunk ran on a helper thread");
    }

    [Fact]
    public void Thread_count_is_kept() => Assert.Equal(3, new ChunkRunner(3).NumberOfThreads);

    private sealed class CountingBody(int chunkCount) : IChunkBody
    {
        public int[] Counts { get; } = new int[chunkCount];

        public void Run(int chunk) => Interlocked.Increment(ref Counts[chunk]);
    }

    private sealed class SumBody(double[] values, int chunkCount) : IChunkBody
    {
        public double[] Partials { get; } = new double[chunkCount];

        public void Run(int chunk)
        {
            int length = values.Length / chunkCount;
            double sum = 0;
            foreach (double v in values.AsSpan(chunk * length, length))
            {
                sum += v;
            }

            Partials[chunk] = sum;
        }
    }

    private sealed class FailingBody(int chunkCount, Func<int, bool> fail, Func<int, bool>? slow = null) : IChunkBody
    {
        public int[] Started = new int[chunkCount];
        public int[] Finished = new int[chunkCount];

        public void Run(int chunk)
        {
            Interlocked.Increment(ref Started[chunk]);
            try
            {
                if (slow?.Invoke(chunk) == true)
                {
                    Thread.SpinWait(2000);
                }

                if (fail(chunk))
                {
                    throw new InvalidOperationException($"chunk {chunk} failed");
                }
            }
            finally
            {
                Interlocked.Increment(ref Finished[chunk]);
            }
        }
    }

    private sealed class SleepyHelpersBody(int callerThread) : IChunkBody
    {
        public int Helped;

        public void Run(int chunk)
        {
            bool helper = Environment.CurrentManagedThreadId != callerThread;
            if (helper)
            {
                Interlocked.Increment(ref Helped);
            }

            Thread.Sleep(helper ? 3 : 1);
        }
    }

    private sealed class NestedBody(ChunkRunner runner) : IChunkBody
    {
        public void Run(int chunk) => runner.Run(1, new CountingBody(1));
    }
}

/// <summary>Runs <see cref="ChunkRunnerTests"/> after, not alongside, the parallel test classes.</summary>
[CollectionDefinition(ChunkRunnerTests.Collection, DisableParallelization = true)]
public sealed class ChunkRunnerTestsCollection;
