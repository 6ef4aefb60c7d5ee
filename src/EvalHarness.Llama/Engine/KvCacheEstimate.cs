using EvalHarness.Gguf.Format;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// The KV cache's size, computed before llama.cpp is asked to allocate it, so that a context that cannot fit is a
/// clear message rather than a long failed allocation. An upper bound: every layer is counted with a full-size cache
/// (llama.cpp's default swa_full), keys and values each n_kv_heads × head size wide.
/// </summary>
public static class KvCacheEstimate
{
    public static long Bytes(LlamaModel model, int cells, GgmlType keyType, GgmlType valueType)
    {
        var headSize = model.HeadCount > 0 ? model.EmbeddingLength / model.HeadCount : model.EmbeddingLength;
        var width = (long)Math.Max(1, model.KvHeadCount) * headSize;
        return (long)cells * model.LayerCount * (RowBytes(keyType, width) + RowBytes(valueType, width));
    }

    /// <summary>
    /// Sizes the cache to the memory of the device that will hold it, after the weights have loaded. A cell count the
    /// caller set (KvCacheCells) is kept or refused whole. The default (ContextLength × min(parallel, 4)) shrinks to
    /// what the free memory holds after leaving headroom for llama.cpp's compute buffers, as llama.cpp's own --fit
    /// does, so a 32B model on a 24 GB GPU runs with fewer sequences at once instead of failing; it is refused only
    /// when not even one full-length sequence fits.
    /// </summary>
    /// <param name="cellsGiven">The caller chose KvCacheCells itself (it is not shrunk).</param>
    /// <param name="note">Set when the default was shrunk: what was chosen and why, for the run's device line.</param>
    public static LlamaContextOptions Fit(LlamaModel model, LlamaContextOptions options, bool cellsGiven, bool onGpu, out string? note)
    {
        note = null;
        var free = (ulong)FreeBytes(onGpu);
        if (free == 0) return options; // unknown free memory: let llama.cpp decide
        // With some layers left on the CPU, the GPU holds only the offloaded layers' share of the cache.
        var perCell = Bytes(model, 1, options.KvCacheTypeK, options.KvCacheTypeV);
        if (onGpu && model.LayerCount > 0) perCell = Math.Max(1, perCell * model.LayersOnGpu / model.LayerCount);
        var where = onGpu ? "GPU" : "CPU";
        if (cellsGiven)
        {
            var bytes = perCell * options.KvCacheCells;
            if ((ulong)bytes <= free) return options;
            throw new UserInputException(
                $"a KV cache of {options.KvCacheCells:N0} cells ({Gib(bytes)} GiB in {options.KvCacheTypeK}/{options.KvCacheTypeV}) does not fit in the {Gib((long)free)} GiB free on the {where}",
                "lower --ctx-size or --parallel, or quantise the KV cache with --kv-cache-type q8_0 (half) or q4_0 (a quarter)");
        }
        var headroom = ComputeHeadroom(model.Vocabulary.Count, model.EmbeddingLength, options);
        var cells = FittedCells((long)Math.Min(free, long.MaxValue), perCell, headroom, options.KvCacheCells, options.ContextLength);
        if (cells < 0)
        {
            throw new UserInputException(
                $"a KV cache for one sequence of {options.ContextLength:N0} tokens ({Gib(perCell * options.ContextLength)} GiB in {options.KvCacheTypeK}/{options.KvCacheTypeV}) " +
                $"does not fit in the {Gib((long)free)} GiB free on the {where} (after {Gib(headroom)} GiB kept for llama.cpp's compute buffers)",
                "lower --ctx-size, quantise the KV cache with --kv-cache-type q8_0 (half) or q4_0 (a quarter), or offload fewer layers with --gpu-layers");
        }
        if (cells == options.KvCacheCells) return options;
        note = $"KV cache {cells:N0} cells ({Gib(perCell * cells)} GiB), fitted to the {Gib((long)free)} GiB free instead of {options.KvCacheCells:N0}: " +
            $"{cells / options.ContextLength} sequence(s) of {options.ContextLength:N0} tokens at once";
        return options with { KvCacheCells = cells };
    }

    /// <summary>
    /// The cells of a default-sized cache that fit: all of <paramref name="defaultCells"/> when they do, else as many as
    /// fit (a multiple of 256, llama.cpp's cache padding), or -1 when fewer than <paramref name="contextLength"/> would.
    /// </summary>
    public static int FittedCells(long freeBytes, long bytesPerCell, long headroom, int defaultCells, int contextLength)
    {
        var available = freeBytes - headroom;
        if (bytesPerCell <= 0 || available >= bytesPerCell * defaultCells) return defaultCells;
        var cells = available <= 0 ? 0 : (int)Math.Min(defaultCells, available / bytesPerCell / 256 * 256);
        return cells >= contextLength ? cells : -1;
    }

    /// <summary>
    /// What llama.cpp's compute buffers take beside the cache, estimated generously for flash attention (llama.cpp's
    /// choice on GPUs): the logits of a micro-batch and a few embedding-wide rows per token, plus the 1 GiB margin
    /// llama.cpp's --fit leaves per device. With flash attention off the attention scores need more; llama.cpp's own
    /// allocation error then still speaks.
    /// </summary>
    internal static long ComputeHeadroom(int vocabularySize, int embeddingWidth, LlamaContextOptions options)
    {
        var rows = (long)Math.Min(options.MicroBatchSize, options.BatchSize);
        return (1L << 30) + rows * 4 * ((long)vocabularySize + 8L * embeddingWidth);
    }

    /// <summary>Free memory of the GPUs (or of the CPU) llama.cpp sees now; 0 when it does not say.</summary>
    internal static long FreeBytes(bool onGpu)
    {
        var devices = NativeRuntime.QueryDevices().Where(d => onGpu ? d.Kind is "GPU" or "iGPU" : d.Kind == "CPU");
        return (long)Math.Min(devices.Aggregate(0UL, (sum, d) => sum + d.FreeBytes), long.MaxValue);
    }

    internal static long RowBytes(GgmlType type, long width)
    {
        var info = GgmlTypeInfo.Of(type);
        return width / info.BlockSize * info.BytesPerBlock;
    }

    internal static string Gib(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
