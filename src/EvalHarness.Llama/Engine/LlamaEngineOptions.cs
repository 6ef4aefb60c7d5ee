using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Engine;

/// <summary>Everything needed to stand up the in-process engine: runtime, weights, context.</summary>
public sealed record LlamaEngineOptions
{
    public NativeRuntimeOptions Runtime { get; init; } = new();
    public LlamaModelOptions Model { get; init; } = new();
    public LlamaContextOptions Context { get; init; } = new();
}
