using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// Loads the real CPU runtime of llama.cpp once for the test run (fetching it with npm into the user cache on first
/// use). Where it cannot be had, tests skip with the reason — except under EVALHARNESS_REQUIRE_NATIVE=1 (CI), where
/// that is a failure.
/// </summary>
public static class NativeTestRuntime
{
    private static readonly Lazy<(NativeRuntimeInfo? Info, string? Problem)> Loaded = new(LoadOnce);

    public static NativeRuntimeInfo Require()
    {
        var (info, problem) = Loaded.Value;
        if (info is not null) return info;
        if (Environment.GetEnvironmentVariable("EVALHARNESS_REQUIRE_NATIVE") == "1")
        {
            Assert.Fail($"native llama.cpp runtime unavailable: {problem}");
        }
        Assert.Skip($"native llama.cpp runtime unavailable: {problem}");
        return null!;
    }

    public static NativeRuntimeOptions Options { get; } = new() { Device = DeviceChoice.Cpu, LlamaDirectory = Environment.GetEnvironmentVariable(NativeRuntimeOptions.LlamaDirectoryVariable) };

    private static (NativeRuntimeInfo?, string?) LoadOnce()
    {
        try
        {
            return (NativeRuntime.Load(Options), null);
        }
        catch (UserInputException e)
        {
            return (null, $"{e.Message} ({e.Fix})");
        }
    }
}
