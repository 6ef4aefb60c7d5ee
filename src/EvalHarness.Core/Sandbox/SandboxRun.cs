using System.Diagnostics;

namespace EvalHarness.Core.Sandbox;

/// <summary>
/// One started process and everything needed to end it: waits for it within the wall time, kills the whole tree
/// when the time is up (or the caller cancels), drains its output under the cap, and turns it all into a result.
/// </summary>
internal sealed class SandboxRun
{
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(2);

    public required ProcessStartInfo StartInfo { get; init; }
    public required SandboxLimits Limits { get; init; }
    public required SandboxIsolation Isolation { get; init; }
    public required Action<Process> KillTree { get; init; }
    public Action<Process>? OnStarted { get; init; }
    public string? StandardInput { get; init; }
    public string? Warning { get; init; }

    public async Task<SandboxResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        StartInfo.RedirectStandardInput = true;
        StartInfo.RedirectStandardOutput = true;
        StartInfo.RedirectStandardError = true;
        StartInfo.UseShellExecute = false;
        var clock = Stopwatch.StartNew();
        using var process = await ProcessSpawner.StartAsync(StartInfo).ConfigureAwait(false);
        OnStarted?.Invoke(process);
        using var readCancel = new CancellationTokenSource();
        var (stdout, stdoutDone) = CappedOutputReader.Start(process.StandardOutput.BaseStream, Limits.MaxOutputBytes, readCancel.Token);
        var (stderr, stderrDone) = CappedOutputReader.Start(process.StandardError.BaseStream, Limits.MaxOutputBytes, readCancel.Token);
        _ = WriteStandardInputAsync(process, StandardInput);

        var timedOut = false;
        using (var wall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wall.CancelAfter(Limits.WallTime);
            try { await process.WaitForExitAsync(wall.Token).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
            }
        }
        var elapsed = clock.Elapsed;
        // Always sweep, even after a clean exit: a daemonised grandchild may still be running.
        KillTree(process);
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var drained = Task.WhenAll(stdoutDone, stderrDone);
        if (await Task.WhenAny(drained, Task.Delay(PipeGrace, CancellationToken.None)).ConfigureAwait(false) != drained)
        {
            readCancel.Cancel();
            await drained.ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Describe(process, timedOut, elapsed, stdout, stderr);
    }

    private SandboxResult Describe(Process process, bool timedOut, TimeSpan elapsed, CappedOutputReader stdout, CappedOutputReader stderr)
    {
        var exitCode = timedOut ? -1 : process.ExitCode;
        const int sigXcpu = 128 + 24;
        var cpuExceeded = exitCode == sigXcpu || (exitCode == 128 + LinuxNative.SigKill && elapsed < Limits.WallTime
            && elapsed.TotalSeconds >= Limits.EffectiveCpuSeconds);
        var stderrText = stderr.Text;
        bool? memory = stderrText.Contains("MemoryError", StringComparison.Ordinal) ? true
            : exitCode > 128 && !cpuExceeded ? null : false;
        return new SandboxResult(exitCode, timedOut || cpuExceeded, memory, stdout.Text, stderrText,
            stdout.Truncated || stderr.Truncated, elapsed, Isolation, Warning);
    }

    private static async Task WriteStandardInputAsync(Process process, string? input)
    {
        try
        {
            if (!string.IsNullOrEmpty(input)) await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        catch (InvalidOperationException) { }
    }
}
