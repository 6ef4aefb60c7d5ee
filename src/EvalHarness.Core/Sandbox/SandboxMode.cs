namespace EvalHarness.Core.Sandbox;

/// <summary>Which isolation to ask for. Auto = the strongest that works here (bubblewrap, else rlimits with a warning).</summary>
public enum SandboxMode
{
    Auto,
    /// <summary>Require bubblewrap; creating the sandbox fails with a clear message if it cannot work.</summary>
    Namespaces,
    /// <summary>Rlimits only, even where bubblewrap works (tests of the fallback; not for real runs).</summary>
    RlimitsOnly,
}
