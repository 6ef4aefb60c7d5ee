using System.Collections.Concurrent;
using System.Diagnostics;

namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Starts processes from one long-lived thread. bwrap's --die-with-parent uses PR_SET_PDEATHSIG, which fires when
/// the parent *thread* exits, not the parent process; .NET forks from whichever thread calls Process.Start, and
/// thread-pool threads retire after ~20 s idle, so a long-running sandboxed program was being SIGKILLed mid-run
/// (seen on Mbpp/599). Forking from a thread that lives as long as the process keeps the death signal meaning
/// "the harness is gone".
/// </summary>
internal static class ProcessSpawner
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = new();

    static ProcessSpawner()
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "sandbox process spawner" };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, started));
        return started.Task;
    }

    private static void Serve()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}"));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
