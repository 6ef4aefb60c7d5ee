using EvalHarness.Core.Sandbox;

namespace EvalHarness.Core.Tests.Sandbox;

/// <summary>One sandbox for all sandbox tests (probing bubblewrap costs a process start). Skips when python3 is missing.</summary>
public static class SandboxFixture
{
    private static readonly Lazy<(ISandbox? Sandbox, string? Problem)> Shared = new(() =>
    {
        try { return (Sandboxes.Create(), null); }
        catch (InvalidOperationException e) { return (null, e.Message); }
    });

    public static ISandbox Sandbox
    {
        get
        {
            var (sandbox, problem) = Shared.Value;
            if (sandbox is null) Assert.Skip("no Python sandbox on this machine: " + problem);
            return sandbox!;
        }
    }

    private static readonly Lazy<ISandbox> SharedRlimitsOnly = new(() => Sandboxes.Create(SandboxMode.RlimitsOnly));

    /// <summary>The degraded sandbox (rlimits only), to test the fallback even where bubblewrap works.</summary>
    public static ISandbox RlimitsOnly
    {
        get
        {
            _ = Sandbox; // skips when there is no Python at all
            return SharedRlimitsOnly.Value;
        }
    }

    private static readonly Lazy<SandboxPool> SharedPool = new(() => new SandboxPool(Sandbox));

    /// <summary>One pool for every acceptance test, so test classes running side by side do not oversubscribe the cores.</summary>
    public static SandboxPool Pool => SharedPool.Value;

    /// <summary>The bubblewrap sandbox; skips with the reason when bubblewrap cannot run here.</summary>
    public static ISandbox Namespaced
    {
        get
        {
            var sandbox = Sandbox;
            if (sandbox.Environment.Isolation != SandboxIsolation.Namespaces)
            {
                Assert.Skip("bubblewrap is not usable here: " + sandbox.Environment.Warning);
            }
            return sandbox;
        }
    }
}
