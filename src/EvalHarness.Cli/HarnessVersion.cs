using System.Reflection;

namespace EvalHarness.Cli;

/// <summary>The harness version with the git commit it was built from (the SDK appends "+&lt;commit&gt;").</summary>
public static class HarnessVersion
{
    public static string Text { get; } =
        typeof(HarnessVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
