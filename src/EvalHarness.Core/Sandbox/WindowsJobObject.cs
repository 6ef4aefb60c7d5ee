using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace EvalHarness.Core.Sandbox;

/// <summary>A Win32 Job Object configured from <see cref="SandboxLimits"/>; disposing it kills everything inside.</summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsJobObject : IDisposable
{
    private const int ExtendedLimitInformationClass = 9;
    private const uint LimitProcessTime = 0x2;
    private const uint LimitActiveProcess = 0x8;
    private const uint LimitProcessMemory = 0x100;
    private const uint LimitDieOnUnhandledException = 0x400;
    private const uint LimitKillOnJobClose = 0x2000;

    private IntPtr _handle;

    private WindowsJobObject(IntPtr handle) => _handle = handle;

    public static WindowsJobObject Create(SandboxLimits limits)
    {
        var handle = CreateJobObject(IntPtr.Zero, null);
        if (handle == IntPtr.Zero) throw new InvalidOperationException($"CreateJobObject failed (error {Marshal.GetLastWin32Error()})");
        var info = new ExtendedLimitInformation
        {
            Basic = new BasicLimitInformation
            {
                // Job times are in 100 ns units.
                PerProcessUserTimeLimit = limits.EffectiveCpuSeconds * 10_000_000L,
                LimitFlags = LimitProcessTime | LimitActiveProcess | LimitProcessMemory | LimitDieOnUnhandledException | LimitKillOnJobClose,
                ActiveProcessLimit = (uint)limits.MaxProcesses,
            },
            ProcessMemoryLimit = (UIntPtr)(ulong)limits.MemoryBytes,
        };
        var job = new WindowsJobObject(handle);
        if (!SetInformationJobObject(handle, ExtendedLimitInformationClass, ref info, (uint)Marshal.SizeOf<ExtendedLimitInformation>()))
        {
            var error = Marshal.GetLastWin32Error();
            job.Dispose();
            throw new InvalidOperationException($"SetInformationJobObject failed (error {error})");
        }
        return job;
    }

    public void Assign(Process process)
    {
        if (!AssignProcessToJobObject(_handle, process.Handle))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"AssignProcessToJobObject failed (error {Marshal.GetLastWin32Error()})");
        }
    }

    public void Terminate()
    {
        if (_handle != IntPtr.Zero) TerminateJobObject(_handle, 1);
    }

    public void Dispose()
    {
        if (_handle == IntPtr.Zero) return;
        CloseHandle(_handle);
        _handle = IntPtr.Zero;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct BasicLimitInformation
    {
        public long PerProcessUserTimeLimit;
        public long PerJobUserTimeLimit;
        public uint LimitFlags;
        public UIntPtr MinimumWorkingSetSize;
        public UIntPtr MaximumWorkingSetSize;
        public uint ActiveProcessLimit;
        public UIntPtr Affinity;
        public uint PriorityClass;
        public uint SchedulingClass;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoCounters
    {
        public ulong ReadOperationCount, WriteOperationCount, OtherOperationCount, ReadTransferCount, WriteTransferCount, OtherTransferCount;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ExtendedLimitInformation
    {
        public BasicLimitInformation Basic;
        public IoCounters IoInfo;
        public UIntPtr ProcessMemoryLimit;
        public UIntPtr JobMemoryLimit;
        public UIntPtr PeakProcessMemoryUsed;
        public UIntPtr PeakJobMemoryUsed;
    }

    [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
    private static extern IntPtr CreateJobObject(IntPtr attributes, string? name);

    [DllImport("kernel32", SetLastError = true)]
    private static extern bool SetInformationJobObject(IntPtr job, int infoClass, ref ExtendedLimitInformation info, uint length);

    [DllImport("kernel32", SetLastError = true)]
    private static extern bool AssignProcessToJobObject(IntPtr job, IntPtr process);

    [DllImport("kernel32", SetLastError = true)]
    private static extern bool TerminateJobObject(IntPtr job, uint exitCode);

    [DllImport("kernel32", SetLastError = true)]
    private static extern bool CloseHandle(IntPtr handle);
}
