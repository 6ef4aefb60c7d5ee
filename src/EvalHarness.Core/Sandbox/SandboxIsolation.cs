namespace EvalHarness.Core.Sandbox;

/// <summary>How strongly a program was isolated. Results and reports show it next to every code score.</summary>
public enum SandboxIsolation
{
    /// <summary>Linux bubblewrap: own mount, pid, network, ipc and uts namespaces, read-only system, plus hard rlimits.</summary>
    Namespaces,

    /// <summary>Resource limits and a process group only: no filesystem or network isolation. Loudly warned about.</summary>
    RlimitsOnly,

    /// <summary>Windows Job Object: memory, process count and CPU time limits, kill-on-close. No filesystem isolation.</summary>
    WindowsJobObject,
}
