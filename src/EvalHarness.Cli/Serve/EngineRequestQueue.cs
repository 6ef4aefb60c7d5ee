using System.Threading.Channels;
using EvalHarness.Core.Inference;

namespace EvalHarness.Cli.Serve;

/// <summary>
/// Funnels concurrent HTTP clients into one engine, which is not thread-safe and runs one call at a time. A single
/// worker thread takes whatever has queued up while the previous call ran and hands it to the engine as one batch
/// (generations together, loglikelihoods together), so concurrent clients share llama_decode calls.
/// </summary>
/// <remarks>
/// This is batching between engine calls, not llama-server's continuous batching: a request arriving while a batch
/// runs waits for that batch to finish. The engine's Generate/Loglikelihood take whole batches, so joining a running
/// batch would need a streaming scheduler inside the engine.
/// </remarks>
internal sealed class EngineRequestQueue : IDisposable
{
    private abstract record Work(CancellationToken Cancellation);
    private sealed record GenerationWork(GenerationRequest Request, TaskCompletionSource<GenerationResult> Done, CancellationToken Cancellation) : Work(Cancellation);
    private sealed record ScoringWork(LoglikelihoodRequest Request, TaskCompletionSource<LoglikelihoodResult> Done, CancellationToken Cancellation) : Work(Cancellation);

    private readonly IInferenceBackend _engine;
    private readonly int _maxBatch;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _worker;
    private Work? _carried;

    public EngineRequestQueue(IInferenceBackend engine, int maxBatch)
    {
        _engine = engine;
        _maxBatch = Math.Max(1, maxBatch);
        _worker = new Thread(Loop) { IsBackground = true, Name = "evalharness-serve-engine" };
        _worker.Start();
    }

    /// <summary>Engine calls made so far, requests they carried and time spent inside them (for tests and logs).</summary>
    public (int Calls, int Requests, TimeSpan EngineTime) Batching => (_calls, _requests, TimeSpan.FromTicks(Interlocked.Read(ref _engineTicks)));
    private int _calls, _requests;
    private long _engineTicks;

    public Task<GenerationResult> Generate(GenerationRequest request, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<GenerationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new GenerationWork(request, done, cancellationToken));
        return done.Task;
    }

    public Task<LoglikelihoodResult> Loglikelihood(LoglikelihoodRequest request, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<LoglikelihoodResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new ScoringWork(request, done, cancellationToken));
        return done.Task;
    }

    private void Enqueue(Work work)
    {
        if (!_queue.Writer.TryWrite(work)) throw new ObjectDisposedException(nameof(EngineRequestQueue));
    }

    private void Loop()
    {
        while (NextBatch() is { Count: > 0 } batch)
        {
            var live = batch.Where(w => !Cancelled(w)).ToList();
            if (live.Count == 0) continue;
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _requests, live.Count);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (live[0] is GenerationWork) RunGenerations(live.Cast<GenerationWork>().ToList());
            else RunScoring(live.Cast<ScoringWork>().ToList());
            Interlocked.Add(ref _engineTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    /// <summary>Blocks for the first item, then takes what else is queued of the same kind (the rest waits its turn).</summary>
    private List<Work>? NextBatch()
    {
        var first = _carried;
        _carried = null;
        if (first is null)
        {
            if (!_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult()) return null;
            if (!_queue.Reader.TryRead(out first)) return [];
        }
        var batch = new List<Work> { first };
        while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
        {
            if (next.GetType() != first.GetType()) { _carried = next; break; }
            batch.Add(next);
        }
        return batch;
    }

    private static bool Cancelled(Work work)
    {
        if (!work.Cancellation.IsCancellationRequested) return false;
        switch (work)
        {
            case GenerationWork g: g.Done.TrySetCanceled(work.Cancellation); break;
            case ScoringWork s: s.Done.TrySetCanceled(work.Cancellation); break;
        }
        return true;
    }

    private void RunGenerations(List<GenerationWork> items) =>
        RunIsolatingFailures(items, batch => _engine.Generate(batch.Select(w => w.Request).ToArray(), (i, r) => batch[i].Done.TrySetResult(r)),
            (w, e) => w.Done.TrySetException(e), w => !w.Done.Task.IsCompleted);

    private void RunScoring(List<ScoringWork> items) =>
        RunIsolatingFailures(items, batch => _engine.Loglikelihood(batch.Select(w => w.Request).ToArray(), (i, r) => batch[i].Done.TrySetResult(r)),
            (w, e) => w.Done.TrySetException(e), w => !w.Done.Task.IsCompleted);

    /// <summary>One bad request (an empty continuation, a prompt too long) fails the engine's whole call: retry one by one so only it fails.</summary>
    private static void RunIsolatingFailures<T>(List<T> items, Action<List<T>> run, Action<T, Exception> fail, Func<T, bool> pending)
    {
        try
        {
            run(items);
        }
        catch (Exception) when (items.Count > 1)
        {
            // Those answered before the failure keep their answers.
            foreach (var item in items.Where(pending)) RunIsolatingFailures([item], run, fail, pending);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The engine tokenizes with Parallel.For, which wraps a bad request's UserInputException.
            fail(items[0], e.InnerExceptions[0]);
        }
        catch (Exception e)
        {
            fail(items[0], e);
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _worker.Join(TimeSpan.FromSeconds(30));
    }
}
