using System.Globalization;

namespace EvalHarness.Llama.Runtime;

/// <summary>
/// The default thread count for llama.cpp's CPU work: physical cores, as llama.cpp's own tools choose (two hardware
/// threads of one core compete for the same vector units, so matrix work gains nothing from the second).
/// </summary>
public static class CpuTopology
{
    private static readonly Lazy<int> Physical = new(CountPhysicalCores);

    /// <summary>Physical cores this process may use; logical processors where the topology cannot be read.</summary>
    public static int PhysicalCores => Physical.Value;

    /// <summary>On Linux, logical CPUs that share one thread_siblings_list are one core.</summary>
    private static int CountPhysicalCores()
    {
        var logical = Environment.ProcessorCount;
        if (!OperatingSystem.IsLinux()) return logical;
        try
        {
            var cores = new HashSet<string>(StringComparer.Ordinal);
            var threads = 0;
            foreach (var cpu in Directory.EnumerateDirectories("/sys/devices/system/cpu", "cpu*"))
            {
                var suffix = Path.GetFileName(cpu)[3..];
                if (suffix.Length == 0 || !int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
                var siblings = Path.Combine(cpu, "topology", "thread_siblings_list");
                if (!File.Exists(siblings)) continue;
                cores.Add(File.ReadAllText(siblings).Trim());
                threads++;
            }
            // A process limited to fewer CPUs (a container's cpuset or quota) keeps that limit; a share of the cores
            // in proportion to the threads it may use otherwise.
            if (cores.Count == 0 || threads == 0) return logical;
            return Math.Max(1, Math.Min(logical, (int)Math.Round(cores.Count * (double)Math.Min(logical, threads) / threads)));
        }
        catch (IOException)
        {
            return logical;
        }
        catch (UnauthorizedAccessException)
        {
            return logical;
        }
    }
}
