using System.Net;
using System.Net.Sockets;
using EvalHarness.Core.Sandbox;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Sandbox;

/// <summary>
/// Every hostile program is contained: it ends as a failed sample, the harness keeps running, nothing outside its
/// temporary directory changes (canary file, directory listing) and no process of it survives (marker in /proc).
/// </summary>
public sealed class AdversarialSandboxTests
{
    private static readonly SandboxLimits Tight = new()
    {
        WallTime = TimeSpan.FromSeconds(2),
        MemoryBytes = 256 * SandboxLimits.MiB,
        MaxProcesses = 16,
        MaxOutputBytes = 64 * 1024,
    };

    public static TheoryData<string> Names() => new(HostilePrograms.All.Keys);

    /// <summary>Programs whose containment does not depend on namespaces; safe to run with rlimits only.</summary>
    public static TheoryData<string> RlimitNames() => new(
        "infinite loop", "memory bomb", "output flood", "daemon that outlives the timeout", "daemon left behind by a clean exit",
        "crash the interpreter through ctypes");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Hostile_program_is_contained_by_bubblewrap(string name) =>
        await AssertContained(SandboxFixture.Namespaced, name);

    [Theory]
    [MemberData(nameof(RlimitNames))]
    public async Task Hostile_program_is_contained_by_rlimits_alone(string name) =>
        await AssertContained(SandboxFixture.RlimitsOnly, name);

    private static async Task AssertContained(ISandbox sandbox, string name)
    {
        using var canary = TestPaths.NewTempDirectory();
        File.WriteAllText(canary.File("canary.txt"), "original");
        Directory.CreateDirectory(Path.Combine(canary.Path, "sub"));
        var before = Snapshot(canary.Path);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken).AsTask();
        var marker = "evalharness-hostile-" + Guid.NewGuid().ToString("N");
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var program = new SandboxProgram(HostilePrograms.Source(name),
            [marker, canary.Path, TestPaths.RepositoryRoot, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
             port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        var result = await sandbox.RunAsync(program, Tight, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded, $"{name}: the attack reported success. stdout={Head(result.Stdout)} stderr={Head(result.Stderr)}");
        Assert.True(result.WallTime < Tight.WallTime + TimeSpan.FromSeconds(3), $"{name}: took {result.WallTime}");
        Assert.Empty(SurvivingProcesses(marker));
        Assert.Equal(before, Snapshot(canary.Path));
        Assert.False(accepted.IsCompleted, $"{name}: reached a socket on the host's loopback");
        Assert.DoesNotContain("EvalHarness", result.Stdout, StringComparison.Ordinal);
        AssertSpecifics(name, result);
    }

    private static void AssertSpecifics(string name, SandboxResult result)
    {
        switch (name)
        {
            case "infinite loop":
            case "fork bomb":
            case "daemon that outlives the timeout":
                Assert.True(result.TimedOut, $"{name}: expected a timeout, got exit {result.ExitCode}");
                break;
            case "memory bomb":
                Assert.True(result.MemoryExceeded, $"{name}: exit {result.ExitCode}, stderr {Head(result.Stderr)}");
                break;
            case "output flood":
                Assert.True(result.OutputTruncated);
                Assert.Equal(Tight.MaxOutputBytes, result.Stdout.Length);
                break;
            case "crash the interpreter through ctypes":
                Assert.Equal(128 + 11, result.ExitCode);
                break;
        }
    }

    /// <summary>Pids whose command line contains the marker, waiting briefly for the kernel to finish tearing down.</summary>
    private static List<int> SurvivingProcesses(string marker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (true)
        {
            var alive = new List<int>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(marker, StringComparison.Ordinal)) alive.Add(pid);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            if (alive.Count == 0 || DateTime.UtcNow > deadline) return alive;
            Thread.Sleep(100);
        }
    }

    private static string Snapshot(string directory) => string.Join("\n",
        Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => File.Exists(path) ? $"{path}={File.ReadAllText(path)}" : path + "/"));

    private static string Head(string text) => text.Length <= 300 ? text : text[..300];
}
