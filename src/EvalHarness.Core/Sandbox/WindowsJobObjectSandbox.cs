using System.Diagnostics;
using System.Runtime.Versioning;

namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Windows: each program runs in its own Job Object with a per-process memory limit, an active-process limit, a
/// CPU-time limit and kill-on-close, so closing the job on timeout ends every process in it. Weaker than the Linux
/// sandbox: no filesystem or network isolation (every result carries a warning), and the process is assigned to
/// the job just after it starts (System.Diagnostics.Process cannot create it suspended), so a child spawned in its
/// first instant could escape. Not tested on this project's CI, which is Linux only.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsJobObjectSandbox : ISandbox
{
    private const string JobWarning =
        "SANDBOX DEGRADED (Windows): a Job Object limits memory, processes and CPU time, but programs can read your files " +
        "and use the network.";

    private readonly PythonInterpreter _python;
    private readonly string _tempRoot;

    internal WindowsJobObjectSandbox(PythonInterpreter python, string tempRoot)
    {
        _python = python;
        _tempRoot = tempRoot;
        Environment = new SandboxEnvironment(python.Executable, python.Version, python.Prefixes, SandboxIsolation.WindowsJobObject, JobWarning);
    }

    public SandboxEnvironment Environment { get; }

    public async Task<SandboxResult> RunAsync(SandboxProgram program, SandboxLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        var workDirectory = Path.Combine(_tempRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDirectory);
        var programPath = Path.Combine(workDirectory, "main.py");
        await File.WriteAllTextAsync(programPath, program.Source, cancellationToken).ConfigureAwait(false);
        using var job = WindowsJobObject.Create(limits);
        var start = new ProcessStartInfo(_python.Executable) { WorkingDirectory = workDirectory };
        foreach (var arg in new[] { "-I", programPath }.Concat(program.ArgumentsOrEmpty)) start.ArgumentList.Add(arg);
        start.Environment["USERPROFILE"] = workDirectory;
        start.Environment["TEMP"] = workDirectory;
        start.Environment["TMP"] = workDirectory;
        var run = new SandboxRun
        {
            StartInfo = start,
            Limits = limits,
            Isolation = SandboxIsolation.WindowsJobObject,
            StandardInput = program.StandardInput,
            Warning = JobWarning,
            OnStarted = process => job.Assign(process),
            KillTree = _ => job.Terminate(),
        };
        try
        {
            return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            PythonSandboxFiles.DeleteQuietly(workDirectory);
        }
    }
}
