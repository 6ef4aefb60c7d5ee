using System.Runtime.InteropServices;

namespace EvalHarness.Core.Sandbox;

/// <summary>The two libc calls .NET does not expose: the effective uid, and signalling a whole process group.</summary>
internal static class LinuxNative
{
    public const int SigKill = 9;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    /// <summary>SIGKILL to every process in the group; false when none is left (ESRCH) or not permitted.</summary>
    public static bool KillProcessGroup(int processGroupId) => processGroupId > 1 && Kill(-processGroupId, SigKill) == 0;

    public static bool KillProcess(int pid) => pid > 1 && Kill(pid, SigKill) == 0;
}
