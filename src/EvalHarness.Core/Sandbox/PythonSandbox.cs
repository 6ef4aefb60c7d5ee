using System.Diagnostics;
using System.Runtime.Versioning;

namespace EvalHarness.Core.Sandbox;

/// <summary>
/// The Linux (and other Unix) sandbox for Python programs: bubblewrap namespaces plus hard rlimits when bwrap works,
/// rlimits and a process group alone (with a warning in every result) when it does not. Each run gets a fresh
/// private temporary directory, deleted afterwards. Safe to call from many threads at once.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class PythonSandbox : ISandbox
{
    private const string RlimitsOnlyWarning =
        "SANDBOX DEGRADED: bubblewrap is unavailable, so model-written programs run with resource limits only — they can " +
        "read your files, use the network and, when not root, signal your processes. Install bubblewrap (apt-get install bubblewrap).";

    private readonly PythonInterpreter _python;
    private readonly bool _asRoot;
    private readonly string _tempRoot;

    private PythonSandbox(PythonInterpreter python, SandboxEnvironment environment, string tempRoot)
    {
        _python = python;
        Environment = environment;
        _asRoot = LinuxNative.IsRoot;
        _tempRoot = tempRoot;
    }

    public SandboxEnvironment Environment { get; }

    /// <summary>Tries bubblewrap with a real probe run, and falls back as <paramref name="mode"/> allows.</summary>
    internal static PythonSandbox Create(SandboxMode mode, PythonInterpreter python, string tempRoot)
    {
        var fallback = new SandboxEnvironment(python.Executable, python.Version, python.Prefixes, SandboxIsolation.RlimitsOnly, RlimitsOnlyWarning);
        if (mode == SandboxMode.RlimitsOnly) return new PythonSandbox(python, fallback, tempRoot);

        var bwrap = FindOnPath("bwrap");
        var problem = bwrap is null ? "bwrap is not on PATH" : null;
        if (bwrap is not null)
        {
            var candidate = new PythonSandbox(python,
                new SandboxEnvironment(python.Executable, python.Version, python.Prefixes, SandboxIsolation.Namespaces, null, bwrap), tempRoot);
            problem = candidate.Probe();
            if (problem is null) return candidate;
        }
        if (mode == SandboxMode.Namespaces)
        {
            throw new InvalidOperationException($"bubblewrap sandbox unavailable: {problem}. Install bubblewrap (apt-get install bubblewrap) " +
                "and make sure user namespaces are allowed (sysctl kernel.unprivileged_userns_clone=1) or run as root.");
        }
        return new PythonSandbox(python, fallback with { Warning = RlimitsOnlyWarning + " (" + problem + ")" }, tempRoot);
    }

    public async Task<SandboxResult> RunAsync(SandboxProgram program, SandboxLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        var workDirectory = Path.Combine(_tempRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var programPath = Path.Combine(workDirectory, "main.py");
        await File.WriteAllTextAsync(programPath, program.Source, cancellationToken).ConfigureAwait(false);
        var marker = Guid.NewGuid().ToString("N");
        var uid = DropsPrivileges ? SandboxUidAllocator.Rent() : (int?)null;
        try
        {
            var run = Environment.Isolation == SandboxIsolation.Namespaces
                ? NamespacedRun(program, limits, workDirectory, marker, uid)
                : RlimitsOnlyRun(program, limits, workDirectory, programPath, marker, uid);
            return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (uid is { } rented) SandboxUidAllocator.Return(rented);
            PythonSandboxFiles.DeleteQuietly(workDirectory);
        }
    }

    /// <summary>As root, programs run under a rented uid — except without bubblewrap when the interpreter lives
    /// where that uid cannot reach it (pyenv under /root): then they stay root and the warning says so.</summary>
    private bool DropsPrivileges => _asRoot && (Environment.Isolation == SandboxIsolation.Namespaces || ReachableByOthers(_python));

    private SandboxRun NamespacedRun(SandboxProgram program, SandboxLimits limits, string workDirectory, string marker, int? uid)
    {
        var start = new ProcessStartInfo(Environment.BubblewrapPath!);
        foreach (var arg in BubblewrapCommand.Arguments(_python, workDirectory, _asRoot, marker)) start.ArgumentList.Add(arg);
        var config = RlimitLauncher.Config(limits, BubblewrapCommand.InsideWorkDirectory, BubblewrapCommand.InsideProgram, uid,
            countExistingProcesses: false);
        foreach (var arg in new[] { _python.Executable, "-I", "-S", "-c", RlimitLauncher.Script, config, BubblewrapCommand.InsideProgram }
                     .Concat(program.ArgumentsOrEmpty)) start.ArgumentList.Add(arg);
        return new SandboxRun
        {
            StartInfo = start,
            Limits = limits,
            Isolation = SandboxIsolation.Namespaces,
            StandardInput = program.StandardInput,
            // When the namespace's init exits (with the program, or killed through --die-with-parent when we kill
            // bwrap) the kernel kills and reaps every process in the namespace before bwrap's exit is reported, so a
            // clean exit needs no sweep; after a kill, the uid sweep is a cheap second check.
            KillTree = process =>
            {
                var wasRunning = !process.HasExited;
                TryKill(process);
                if (wasRunning) ProcessSweeper.KillAll(uid, null);
            },
        };
    }

    private SandboxRun RlimitsOnlyRun(SandboxProgram program, SandboxLimits limits, string workDirectory, string programPath, string marker, int? uid)
    {
        var start = new ProcessStartInfo(_python.Executable) { WorkingDirectory = workDirectory };
        start.Environment["EVALHARNESS_SANDBOX_RUN"] = marker;
        start.Environment["HOME"] = workDirectory;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var config = RlimitLauncher.Config(limits, workDirectory, programPath, uid, countExistingProcesses: uid is null);
        foreach (var arg in new[] { "-I", "-S", "-c", RlimitLauncher.Script, config, programPath }.Concat(program.ArgumentsOrEmpty)) start.ArgumentList.Add(arg);
        var warning = Environment.Warning + (_asRoot && uid is null ? " The program ran as root: it could raise its own limits." : "");
        return new SandboxRun
        {
            StartInfo = start,
            Limits = limits,
            Isolation = SandboxIsolation.RlimitsOnly,
            StandardInput = program.StandardInput,
            Warning = warning,
            // The launcher made itself a session and process-group leader; kill the group, then sweep what escaped it.
            KillTree = process =>
            {
                LinuxNative.KillProcessGroup(process.Id);
                TryKill(process);
                ProcessSweeper.KillAll(uid, marker);
            },
        };
    }

    /// <summary>Runs print(6*7) the way real programs run; null when it worked, else what went wrong.</summary>
    private string? Probe()
    {
        try
        {
            var result = RunAsync(new SandboxProgram("print(6 * 7)"), new SandboxLimits { WallTime = TimeSpan.FromSeconds(20) })
                .GetAwaiter().GetResult();
            return result.Succeeded && result.Stdout.Trim() == "42" ? null
                : $"bwrap probe failed (exit {result.ExitCode}): {result.Stderr.Trim()}";
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "bwrap probe failed: " + e.Message;
        }
    }

    private static void TryKill(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    private static bool ReachableByOthers(PythonInterpreter python) =>
        python.Prefixes.Append(python.Executable).All(path =>
        {
            for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0) return false;
            }
            return true;
        });

    internal static string? FindOnPath(string name)
    {
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
