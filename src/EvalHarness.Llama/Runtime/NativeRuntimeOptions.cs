namespace EvalHarness.Llama.Runtime;

/// <summary>How to find and load llama.cpp.</summary>
public sealed record NativeRuntimeOptions
{
    public const string LlamaDirectoryVariable = "EVALHARNESS_LLAMA_DIR";

    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>Cache root for fetched runtimes; default <see cref="RuntimeCacheDirectory.Default"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>A user's own build of llama.cpp v0.5.0 (shared libraries); default EVALHARNESS_LLAMA_DIR.</summary>
    public string? LlamaDirectory { get; init; } = Environment.GetEnvironmentVariable(LlamaDirectoryVariable);

    public string NpmExecutable { get; init; } = "npm";
}
