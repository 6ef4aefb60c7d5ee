using System.Text;

namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Last line of defence after a run: finds, through /proc, processes that belong to the run (its dedicated uid,
/// or its marker variable in their environment) and SIGKILLs them until none is left. With bubblewrap the pid
/// namespace already takes every process down with it; without it this is what catches a double-forked daemon.
/// </summary>
internal static class ProcessSweeper
{
    public static void KillAll(int? uid, string? environmentMarker)
    {
        if (!OperatingSystem.IsLinux() || (uid is null && environmentMarker is null)) return;
        var marker = environmentMarker is null ? null : Encoding.UTF8.GetBytes("EVALHARNESS_SANDBOX_RUN=" + environmentMarker + "\0");
        for (var round = 0; round < 50; round++)
        {
            var found = 0;
            foreach (var pid in ListPids())
            {
                if ((uid is { } u && OwnerUid(pid) == u) || (marker is not null && EnvironmentContains(pid, marker)))
                {
                    found++;
                    LinuxNative.KillProcess(pid);
                }
            }
            if (found == 0) return;
            Thread.Sleep(20);
        }
    }

    private static IEnumerable<int> ListPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != System.Environment.ProcessId) yield return pid;
        }
    }

    private static int? OwnerUid(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("Uid:", StringComparison.Ordinal)) continue;
                var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return int.TryParse(fields[1], out var real) ? real : null;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    private static bool EnvironmentContains(int pid, byte[] marker)
    {
        try
        {
            var environ = File.ReadAllBytes($"/proc/{pid}/environ");
            return environ.AsSpan().IndexOf(marker) >= 0 || environ.AsSpan().EndsWith(marker.AsSpan(0, marker.Length - 1));
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
