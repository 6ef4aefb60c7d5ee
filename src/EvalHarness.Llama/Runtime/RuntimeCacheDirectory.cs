using EvalHarness.Core;

namespace EvalHarness.Llama.Runtime;

/// <summary>Where fetched runtimes live: the harness's cache root (<see cref="CacheDirectory"/>).</summary>
public static class RuntimeCacheDirectory
{
    public const string EnvironmentVariable = CacheDirectory.EnvironmentVariable;

    public static string Default() => CacheDirectory.Root();
}
