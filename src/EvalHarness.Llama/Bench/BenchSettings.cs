namespace EvalHarness.Llama.Bench;

/// <summary>The shared settings of a benchmark: both our engine and llama-batched-bench run with these.</summary>
public sealed record BenchSettings
{
    /// <summary>Prompt (context) tokens per sequence.</summary>
    public int PromptTokens { get; init; } = 128;
    /// <summary>Tokens generated per sequence.</summary>
    public int GeneratedTokens { get; init; } = 128;
    /// <summary>Parallel sequences for the generation measurements.</summary>
    public IReadOnlyList<int> Parallel { get; init; } = [1, 4, 16];
    /// <summary>Questions in the loglikelihood workload (each with <see cref="Choices"/> one-token answers).</summary>
    public int Questions { get; init; } = 64;
    public int Choices { get; init; } = 4;
    public int BatchSize { get; init; } = 2048;
    public int MicroBatchSize { get; init; } = 512;
    public int Threads { get; init; } = Runtime.CpuTopology.PhysicalCores;
    public int GpuLayers { get; init; }
    public bool? FlashAttention { get; init; }

    /// <summary>
    /// KV cells (llama-batched-bench's -c): enough for the largest generation run and for a full batch of
    /// loglikelihood contexts (BatchSize / PromptTokens questions at once).
    /// </summary>
    public int KvCells => Math.Max(Parallel.Max() * (PromptTokens + GeneratedTokens), BatchSize / PromptTokens * (PromptTokens + GeneratedTokens));
}
