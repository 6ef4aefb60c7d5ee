namespace EvalHarness.Core.Sandbox;

/// <summary>
/// What the sandbox found on this machine: the interpreter it runs (recorded in results: scores depend on the
/// Python version) and how well it can isolate programs.
/// </summary>
/// <param name="PythonExecutable">Absolute path of the real interpreter (pyenv shims resolved).</param>
/// <param name="PythonVersion">platform.python_version(), e.g. 3.11.7.</param>
/// <param name="PythonPrefixes">sys.prefix and sys.base_prefix: bound read-only inside the sandbox.</param>
/// <param name="Isolation">The level every run will get.</param>
/// <param name="Warning">Why isolation is weaker than namespaces, in words a report can print; null when it is not.</param>
/// <param name="BubblewrapPath">The bwrap executable when Isolation is Namespaces.</param>
public sealed record SandboxEnvironment(
    string PythonExecutable,
    string PythonVersion,
    IReadOnlyList<string> PythonPrefixes,
    SandboxIsolation Isolation,
    string? Warning,
    string? BubblewrapPath = null)
{
    /// <summary>One line for run headers: "python 3.11.7, bubblewrap namespaces".</summary>
    public string Describe() => $"python {PythonVersion}, " + Isolation switch
    {
        SandboxIsolation.Namespaces => "bubblewrap namespaces + rlimits",
        SandboxIsolation.RlimitsOnly => "rlimits only (NOT isolated)",
        _ => "Windows job object (no filesystem isolation)",
    };
}
