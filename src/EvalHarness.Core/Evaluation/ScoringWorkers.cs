using System.Threading.Channels;

namespace EvalHarness.Core.Evaluation;

/// <summary>
/// Scores samples off the backend's callback thread, several at a time: a scorer may be slow (a coding task runs the
/// program's tests in a sandbox) and must not hold up the decode loop. Results reach <c>completed</c> one at a
/// time, so sinks need no locking of their own. The first exception from a scorer or sink is rethrown by
/// <see cref="Finish"/>.
/// </summary>
internal sealed class ScoringWorkers<TItem, TScored>
{
    private readonly Channel<TItem> _queue = Channel.CreateUnbounded<TItem>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly object _completedGate = new();
    private readonly Task _workers;

    public ScoringWorkers(Func<TItem, TScored> score, Action<TItem, TScored> completed, int degreeOfParallelism, CancellationToken cancellationToken)
    {
        _workers = Parallel.ForEachAsync(_queue.Reader.ReadAllAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, degreeOfParallelism), CancellationToken = cancellationToken },
            (item, _) =>
            {
                var scored = score(item);
                lock (_completedGate) completed(item, scored);
                return ValueTask.CompletedTask;
            });
    }

    public void Post(TItem item)
    {
        if (!_queue.Writer.TryWrite(item)) throw new InvalidOperationException("scoring has already finished");
    }

    /// <summary>Waits until every posted item is scored. Call once, after the backend has returned.</summary>
    public void Finish()
    {
        _queue.Writer.TryComplete();
        _workers.GetAwaiter().GetResult();
    }

    /// <summary>Stops taking work after a backend failure; waits for the items in flight so nothing writes later.</summary>
    public void Abandon()
    {
        _queue.Writer.TryComplete();
        try { _workers.GetAwaiter().GetResult(); }
        catch (Exception) { /* the backend's exception is the one the caller reports */ }
    }
}
