namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Runs one untrusted program (model-written Python) in isolation and reports how it ended. Implementations never
/// throw for anything the program does (crash, timeout, flood of output): that is a result, not an error. They
/// throw only when the sandbox itself cannot start (no interpreter) or the caller cancels.
/// </summary>
public interface ISandbox
{
    /// <summary>What this sandbox can enforce on this machine (isolation level, interpreter, warnings).</summary>
    SandboxEnvironment Environment { get; }

    Task<SandboxResult> RunAsync(SandboxProgram program, SandboxLimits limits, CancellationToken cancellationToken = default);
}
