using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Tests;

/// <summary>The default thread count is the physical cores this process may use, as llama.cpp's tools choose.</summary>
public sealed class CpuTopologyTests
{
    [Fact]
    public void Physical_cores_are_at_least_one_and_at_most_the_logical_processors()
    {
        Assert.InRange(CpuTopology.PhysicalCores, 1, Environment.ProcessorCount);
    }

    [Fact]
    public void On_linux_two_hardware_threads_of_one_core_count_once()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /sys/devices/system/cpu");
        var siblingLists = Directory.EnumerateDirectories("/sys/devices/system/cpu", "cpu*")
            .Select(cpu => Path.Combine(cpu, "topology", "thread_siblings_list"))
            .Where(File.Exists)
            .Select(File.ReadAllText)
            .ToArray();
        Assert.SkipWhen(siblingLists.Length != Environment.ProcessorCount, "this process may use only some of the machine's CPUs");

        Assert.Equal(siblingLists.Select(s => s.Trim()).Distinct().Count(), CpuTopology.PhysicalCores);
    }
}
