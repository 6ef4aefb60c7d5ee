using EvalHarness.Core.Sandbox;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// The sandbox that coding scorers run programs in, started on first use: loading a task file builds its scorer
/// only to learn the metric names, and that must work on a machine without Python. One process-wide
/// <see cref="Shared"/> pool (one slot per core) serves every coding task, so concurrent scoring workers never run
/// more programs at once than there are cores. When no sandbox can start (no python3), every use throws the same
/// <see cref="UserInputException"/> naming the fix — a run must never quietly score a coding task 0.
/// </summary>
public sealed class CodeSandboxProvider
{
    private readonly Lazy<ISandbox> _sandbox;

    /// <param name="factory">Creates the sandbox on first use; an <see cref="InvalidOperationException"/> from it
    /// (the sandbox's own "cannot start" error) becomes a <see cref="UserInputException"/>.</param>
    public CodeSandboxProvider(Func<ISandbox> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _sandbox = new Lazy<ISandbox>(() => Start(factory), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The pool used by the scorer catalog: the strongest sandbox this machine supports (Sandboxes.Create).</summary>
    public static CodeSandboxProvider Shared { get; } = new(() => new SandboxPool(Sandboxes.Create()));

    /// <summary>The sandbox, started now if it was not yet.</summary>
    /// <exception cref="UserInputException">No sandbox can run here; the message says why and how to fix it.</exception>
    public ISandbox Sandbox => _sandbox.Value;

    /// <summary>What the sandbox found (Python version, isolation), or null when nothing has been run yet.</summary>
    public SandboxEnvironment? StartedEnvironment => _sandbox.IsValueCreated ? _sandbox.Value.Environment : null;

    /// <summary>For a scorer's protocol line: the interpreter and isolation in force, with the degraded-isolation warning.</summary>
    public string Describe() => StartedEnvironment is { } environment
        ? "sandbox: " + environment.Describe() + (environment.Warning is { } warning ? " — " + warning : "")
        : "sandbox: not started";

    private static ISandbox Start(Func<ISandbox> factory)
    {
        try
        {
            return factory();
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"coding tasks run the model's programs in a Python sandbox, which cannot start: {e.Message}",
                "install Python 3 (e.g. apt-get install python3) or set EVALHARNESS_PYTHON to a Python 3 interpreter; " +
                "install bubblewrap (apt-get install bubblewrap) so the programs are isolated", e);
        }
    }
}
