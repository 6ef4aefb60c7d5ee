namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Limits for one run. Defaults follow the references: human-eval gives each program 3 s of wall time
/// (execution.py, timeout=3.0); EvalPlus caps memory at 4 GiB (EVALPLUS_MAX_MEMORY_BYTES). The rest are ours:
/// generous for any honest solution, small enough that a hostile one cannot hurt the machine.
/// </summary>
public sealed record SandboxLimits
{
    public const long GiB = 1024L * 1024 * 1024;
    public const long MiB = 1024L * 1024;

    /// <summary>Wall-clock time after which the whole process tree is killed.</summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>CPU seconds (RLIMIT_CPU, soft; the hard limit is one second more). Null = the wall time rounded up.</summary>
    public TimeSpan? CpuTime { get; init; }

    /// <summary>Address-space limit per process (RLIMIT_AS, and RLIMIT_DATA like EvalPlus).</summary>
    public long MemoryBytes { get; init; } = 4 * GiB;

    /// <summary>Processes (threads count too on Linux) the program may have at once, itself included (RLIMIT_NPROC).</summary>
    public int MaxProcesses { get; init; } = 16;

    /// <summary>Largest file the program may write (RLIMIT_FSIZE).</summary>
    public long MaxFileSizeBytes { get; init; } = 16 * MiB;

    /// <summary>Captured bytes per stream (stdout, stderr); the rest is read and discarded so the program never blocks.</summary>
    public int MaxOutputBytes { get; init; } = 1024 * 1024;

    /// <summary>Open file descriptors (RLIMIT_NOFILE).</summary>
    public int MaxOpenFiles { get; init; } = 256;

    /// <summary>human-eval's defaults: 3 s wall, 4 GiB.</summary>
    public static SandboxLimits HumanEval { get; } = new();

    /// <summary>The CPU limit actually applied: explicit, or the wall time rounded up to whole seconds.</summary>
    public int EffectiveCpuSeconds => (int)Math.Max(1, Math.Ceiling((CpuTime ?? WallTime).TotalSeconds));

    /// <summary>Throws ArgumentException naming the bad limit.</summary>
    public void Validate()
    {
        if (WallTime <= TimeSpan.Zero) throw new ArgumentException($"WallTime must be positive, was {WallTime}");
        if (CpuTime is { } cpu && cpu <= TimeSpan.Zero) throw new ArgumentException($"CpuTime must be positive, was {cpu}");
        if (MemoryBytes < 64 * MiB) throw new ArgumentException($"MemoryBytes must be at least 64 MiB (the interpreter needs it), was {MemoryBytes}");
        if (MaxProcesses < 1) throw new ArgumentException($"MaxProcesses must be at least 1, was {MaxProcesses}");
        if (MaxFileSizeBytes < 0) throw new ArgumentException($"MaxFileSizeBytes must not be negative, was {MaxFileSizeBytes}");
        if (MaxOutputBytes < 0) throw new ArgumentException($"MaxOutputBytes must not be negative, was {MaxOutputBytes}");
        if (MaxOpenFiles < 16) throw new ArgumentException($"MaxOpenFiles must be at least 16, was {MaxOpenFiles}");
    }
}
