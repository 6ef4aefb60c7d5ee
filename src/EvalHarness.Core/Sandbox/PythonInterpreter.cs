using System.Diagnostics;

namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Finds the user's python3 and asks it where it really lives. pyenv puts a bash shim on PATH; the sandbox must
/// run (and bind read-only) the real interpreter behind it, so we ask Python for sys.executable and its prefixes.
/// </summary>
public sealed record PythonInterpreter(string Executable, string Version, IReadOnlyList<string> Prefixes)
{
    private const string ProbeScript =
        "import sys, platform\nprint(sys.executable)\nprint(platform.python_version())\nprint(sys.prefix)\nprint(sys.base_prefix)";

    /// <summary>Locates the interpreter named by EVALHARNESS_PYTHON, else python3 (python on Windows) on PATH.</summary>
    /// <exception cref="InvalidOperationException">No working interpreter; the message says how to fix it.</exception>
    public static PythonInterpreter Locate(string? command = null)
    {
        command ??= System.Environment.GetEnvironmentVariable("EVALHARNESS_PYTHON");
        if (string.IsNullOrWhiteSpace(command)) command = OperatingSystem.IsWindows() ? "python" : "python3";
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-I", "-c", ProbeScript }) start.ArgumentList.Add(arg);
        string output, error;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
            var stderrTask = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            error = stderrTask.GetAwaiter().GetResult();
            if (!process.WaitForExit(30_000)) { process.Kill(true); throw new InvalidOperationException($"{command} did not answer within 30 s"); }
            if (process.ExitCode != 0) throw new InvalidOperationException($"{command} failed (exit {process.ExitCode}): {error.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Python 3 was not found ('{command}': {e.Message}). Install python3 or set EVALHARNESS_PYTHON to its path.", e);
        }
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 4) throw new InvalidOperationException($"unexpected answer from {command}: '{output}'");
        var prefixes = new[] { lines[2], lines[3] }.Distinct(StringComparer.Ordinal).ToArray();
        return new PythonInterpreter(lines[0], lines[1], prefixes);
    }
}
