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

    /// <summary>Refuses a cache larger than the free memory of the device that will hold it.</summary>
    public static void EnsureFits(LlamaModel model, LlamaContextOptions options, bool onGpu)
    {
        var bytes = Bytes(model, options.KvCacheCells, options.KvCacheTypeK, options.KvCacheTypeV);
        var devices = NativeRuntime.QueryDevices().Where(d => onGpu ? d.Kind is "GPU" or "iGPU" : d.Kind == "CPU").ToArray();
        var free = devices.Length == 0 ? 0UL : devices.Aggregate(0UL, (sum, d) => sum + d.FreeBytes);
        if (free == 0 || (ulong)bytes <= free) return; // unknown free memory: let llama.cpp decide
        throw new UserInputException(
            $"a KV cache of {options.KvCacheCells:N0} cells ({Gib(bytes)} GiB in {options.KvCacheTypeK}/{options.KvCacheTypeV}) does not fit in the " +
            $"{Gib((long)free)} GiB free on the {(onGpu ? "GPU" : "CPU")}",
            "lower --ctx-size or --parallel, or quantise the KV cache with --kv-cache-type q8_0 (half) or q4_0 (a quarter)");
    }

    private static long RowBytes(GgmlType type, long width)
    {
        var info = GgmlTypeInfo.Of(type);
        return width / info.BlockSize * info.BytesPerBlock;
    }

    private static string Gib(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
