namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Runs programs side by side, at most <see cref="MaxDegreeOfParallelism"/> at a time (default: one per core —
/// the programs are CPU-bound and their time limits assume a core each). Itself an <see cref="ISandbox"/>, so a
/// scorer can take either.
/// </summary>
public sealed class SandboxPool : ISandbox, IDisposable
{
    private readonly ISandbox _inner;
    private readonly SemaphoreSlim _slots;

    public SandboxPool(ISandbox inner, int? maxDegreeOfParallelism = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        MaxDegreeOfParallelism = maxDegreeOfParallelism ?? System.Environment.ProcessorCount;
        if (MaxDegreeOfParallelism < 1) throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), "must be at least 1");
        _slots = new SemaphoreSlim(MaxDegreeOfParallelism, MaxDegreeOfParallelism);
    }

    public int MaxDegreeOfParallelism { get; }

    public SandboxEnvironment Environment => _inner.Environment;

    public async Task<SandboxResult> RunAsync(SandboxProgram program, SandboxLimits limits, CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _inner.RunAsync(program, limits, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Runs every job; results come back in the order of <paramref name="jobs"/>.</summary>
    public Task<SandboxResult[]> RunAllAsync(IEnumerable<(SandboxProgram Program, SandboxLimits Limits)> jobs, CancellationToken cancellationToken = default) =>
        Task.WhenAll(jobs.Select(job => RunAsync(job.Program, job.Limits, cancellationToken)));

    public void Dispose() => _slots.Dispose();
}
