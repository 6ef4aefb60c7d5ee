namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Hands out unprivileged uids for programs when the harness runs as root. As root, RLIMIT_NPROC is not enforced
/// (the kernel exempts uid 0) and a root program could raise its own hard limits; a dedicated uid per concurrent
/// run fixes both, and also means two sandboxed programs can never signal each other. The uids need no passwd entry.
/// </summary>
internal static class SandboxUidAllocator
{
    /// <summary>A range far from distribution-assigned system and user ids.</summary>
    public const int First = 61000;
    public const int Count = 1000;

    private static readonly object Gate = new();
    private static readonly HashSet<int> InUse = [];
    private static int _next;

    public static int Rent()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < Count; attempt++)
            {
                var uid = First + (_next++ % Count);
                if (InUse.Add(uid)) return uid;
            }
            throw new InvalidOperationException($"all {Count} sandbox uids are in use");
        }
    }

    public static void Return(int uid)
    {
        lock (Gate) InUse.Remove(uid);
    }
}
