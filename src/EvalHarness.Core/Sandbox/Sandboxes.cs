namespace EvalHarness.Core.Sandbox;

/// <summary>The one place that picks a sandbox for this platform.</summary>
public static class Sandboxes
{
    /// <summary>
    /// Finds python3 (EVALHARNESS_PYTHON overrides) and returns the strongest sandbox this machine supports:
    /// bubblewrap + rlimits on Linux, rlimits only (with a warning) where bubblewrap cannot run, a Job Object on Windows.
    /// </summary>
    public static ISandbox Create(SandboxMode mode = SandboxMode.Auto, PythonInterpreter? python = null, string? tempRoot = null)
    {
        python ??= PythonInterpreter.Locate();
        tempRoot ??= Path.Combine(Path.GetTempPath(), "evalharness-sandbox");
        Directory.CreateDirectory(tempRoot);
        if (OperatingSystem.IsWindows()) return new WindowsJobObjectSandbox(python, tempRoot);
        return PythonSandbox.Create(mode, python, tempRoot);
    }
}
