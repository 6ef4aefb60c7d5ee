using System.CommandLine;
using EvalHarness.Llama.Engine;
using EvalHarness.Gguf.Format;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Cli;

/// <summary>The engine options every model-running command shares (names follow llama.cpp's tools).</summary>
public sealed class EngineOptionsBinder
{
    public Option<string> Model { get; } = new("--model", "-m") { Description = "Path of the GGUF model file.", Required = true };
    public Option<DeviceChoice> Device { get; } = new("--device") { Description = "cpu, cuda or auto (CUDA when available).", DefaultValueFactory = _ => DeviceChoice.Auto };
    public Option<int> ContextSize { get; } = new("--ctx-size", "-c") { Description = "Tokens per sequence (0 = the model's trained context, at most 8192)." };
    public Option<int> Parallel { get; } = new("--parallel", "-np") { Description = "Sequences decoded side by side.", DefaultValueFactory = _ => 32 };
    public Option<int> BatchSize { get; } = new("--batch-size", "-b") { Description = "Logical batch size (tokens per llama_decode).", DefaultValueFactory = _ => 2048 };
    public Option<int> MicroBatchSize { get; } = new("--ubatch-size", "-ub") { Description = "Physical batch size.", DefaultValueFactory = _ => 512 };
    public Option<int?> GpuLayers { get; } = new("--gpu-layers", "-ngl") { Description = "Layers to offload to the GPU (default: all on CUDA)." };
    public Option<FlashAttention> FlashAttention { get; } = new("--flash-attn", "-fa") { Description = "auto, on or off.", DefaultValueFactory = _ => Llama.Engine.FlashAttention.Auto };
    public Option<string> KvCacheType { get; } = new("--kv-cache-type") { Description = "KV cache type: f16, q8_0 or q4_0.", DefaultValueFactory = _ => "f16" };
    public Option<int> Threads { get; } = new("--threads", "-t") { Description = "CPU threads (0 = physical cores, as llama.cpp chooses)." };
    public Option<bool> BackendSampling { get; } = new("--backend-sampling")
    {
        Description = "Greedy tokens chosen inside llama.cpp's graph, so only the token leaves the GPU (llama.cpp's experimental backend sampling; exact ties may break differently).",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Model, Device, ContextSize, Parallel, BatchSize, MicroBatchSize, GpuLayers, FlashAttention, KvCacheType, Threads, BackendSampling })
        {
            command.Options.Add(option);
        }
    }

    public LlamaEngineOptions Bind(ParseResult parse)
    {
        var kv = ParseKvType(parse.GetValue(KvCacheType)!);
        return new LlamaEngineOptions
        {
            Runtime = new NativeRuntimeOptions { Device = parse.GetValue(Device) },
            Model = new LlamaModelOptions { GpuLayers = parse.GetValue(GpuLayers) },
            Context = new LlamaContextOptions
            {
                ContextLength = parse.GetValue(ContextSize),
                ParallelSequences = parse.GetValue(Parallel),
                BatchSize = parse.GetValue(BatchSize),
                MicroBatchSize = parse.GetValue(MicroBatchSize),
                FlashAttention = parse.GetValue(FlashAttention),
                KvCacheTypeK = kv,
                KvCacheTypeV = kv,
                Threads = parse.GetValue(Threads),
                BackendSampling = parse.GetValue(BackendSampling),
            },
        };
    }

    private static GgmlType ParseKvType(string text) => text.ToLowerInvariant() switch
    {
        "f16" => GgmlType.F16,
        "f32" => GgmlType.F32,
        "bf16" => GgmlType.BF16,
        "q8_0" => GgmlType.Q8_0,
        "q4_0" => GgmlType.Q4_0,
        "q4_1" => GgmlType.Q4_1,
        "q5_0" => GgmlType.Q5_0,
        "q5_1" => GgmlType.Q5_1,
        _ => throw new UserInputException($"--kv-cache-type {text} is not a KV cache type", "use f16, bf16, q8_0, q5_1, q5_0, q4_1 or q4_0"),
    };
}
