using EvalHarness.Gguf.Format;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Engine;

/// <summary>Flash attention setting (<c>--flash-attn auto|on|off</c>).</summary>
public enum FlashAttention
{
    Auto,
    On,
    Off,
}

/// <summary>
/// Inference context settings. Defaults follow llama.cpp's tools where that makes sense for evaluation:
/// a unified KV cache so a context shared by several continuations is stored once.
/// </summary>
public sealed record LlamaContextOptions
{
    /// <summary>Most tokens one sequence may hold (prompt + generated); 0 = the model's trained context, capped at 8192.</summary>
    public int ContextLength { get; init; }

    /// <summary>Sequences decoded side by side (choices of a question, concurrent generations).</summary>
    public int ParallelSequences { get; init; } = 32;

    /// <summary>
    /// KV cache cells shared by all sequences; 0 = ContextLength × min(ParallelSequences, 4). Sequences are admitted
    /// only while their prompts and answers fit, so many short sequences share a cache sized for a few long ones.
    /// </summary>
    public int KvCacheCells { get; init; }

    /// <summary>Logical batch: most tokens per llama_decode call.</summary>
    public int BatchSize { get; init; } = 2048;

    /// <summary>Physical batch (micro-batch) size.</summary>
    public int MicroBatchSize { get; init; } = 512;

    public FlashAttention FlashAttention { get; init; } = FlashAttention.Auto;

    public GgmlType KvCacheTypeK { get; init; } = GgmlType.F16;
    public GgmlType KvCacheTypeV { get; init; } = GgmlType.F16;

    /// <summary>
    /// Greedy generations take their argmax inside llama.cpp's compute graph (its experimental backend sampling,
    /// llama-server's --backend-sampling) instead of reading the logit row: on a GPU only the token crosses to the host.
    /// Exact ties may then break differently (ggml's argmax keeps the last maximum, llama.cpp's greedy sampler the first).
    /// </summary>
    public bool BackendSampling { get; init; }

    /// <summary>CPU threads; 0 = physical cores (<see cref="CpuTopology"/>).</summary>
    public int Threads { get; init; }

    /// <summary>The context a sequence gets without --ctx-size: the trained one (4096 when unknown), at most 8192.</summary>
    public static int DefaultContextLength(long trainedContextLength) => (int)Math.Min(trainedContextLength > 0 ? trainedContextLength : 4096, 8192);

    /// <summary>Resolves the defaults against a loaded model.</summary>
    public LlamaContextOptions Resolve(LlamaModel model)
    {
        var contextLength = ContextLength > 0 ? ContextLength : DefaultContextLength(model.TrainedContextLength);
        var parallel = Math.Max(1, ParallelSequences);
        return this with
        {
            ContextLength = contextLength,
            ParallelSequences = parallel,
            KvCacheCells = KvCacheCells > 0 ? KvCacheCells : checked(contextLength * Math.Min(parallel, 4)),
            Threads = Threads > 0 ? Threads : CpuTopology.PhysicalCores,
        };
    }
}
