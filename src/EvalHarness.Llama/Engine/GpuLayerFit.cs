using System.Globalization;
using System.Text.RegularExpressions;
using EvalHarness.Gguf;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// The layers to offload when --gpu-layers is left out on a GPU, as llama.cpp's --fit chooses them: all of them when
/// the weights, a KV cache for one full-length sequence and the compute headroom fit in the GPU's free memory; else
/// as many of the last layers as fit (llama.cpp offloads from the end, and the output layer only with all of them).
/// A model too large for the GPU then runs, slower, instead of failing to allocate.
/// </summary>
public static partial class GpuLayerFit
{
    /// <summary>What a model needs on the GPU: each repeating layer's weights, the output layer's, and its KV cache per token and layer.</summary>
    public sealed record Needs(IReadOnlyList<long> LayerBytes, long OutputBytes, long KvBytesPerTokenPerLayer, int VocabularySize, int EmbeddingWidth);

    /// <summary>Reads the needs from the GGUF's tensor table and attention metadata (the file is already validated).</summary>
    public static Needs Read(GgufFile file, GgmlType keyType, GgmlType valueType)
    {
        var layers = new SortedDictionary<int, long>();
        long output = 0;
        foreach (var tensor in file.Tensors)
        {
            var match = LayerTensor().Match(tensor.Name);
            if (match.Success)
            {
                var layer = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                layers[layer] = layers.GetValueOrDefault(layer) + tensor.ByteSize;
            }
            else if (tensor.Name.StartsWith("output", StringComparison.Ordinal))
            {
                output += tensor.ByteSize;
            }
        }
        // Tied embeddings: llama.cpp gives the output layer its own copy of the token embeddings.
        if (file.FindTensor("output.weight") is null && file.FindTensor("token_embd.weight") is { } embeddings) output += embeddings.ByteSize;

        var arch = file.Metadata.GetString("general.architecture") ?? "";
        long Value(string key, long fallback) => file.Metadata.GetInteger($"{arch}.{key}") ?? fallback;
        var width = Value("embedding_length", 0);
        var heads = Math.Max(1, Value("attention.head_count", 1));
        var kvHeads = Math.Max(1, Value("attention.head_count_kv", heads));
        var keyWidth = kvHeads * Value("attention.key_length", width / heads);
        var valueWidth = kvHeads * Value("attention.value_length", width / heads);
        var vocabulary = file.Metadata.GetArray("tokenizer.ggml.tokens")?.Count ?? (int)Value("vocab_size", 0);
        return new Needs([.. layers.Values], output, KvCacheEstimate.RowBytes(keyType, keyWidth) + KvCacheEstimate.RowBytes(valueType, valueWidth), vocabulary, (int)width);
    }

    /// <summary>
    /// -1 (all layers, the output layer too) when everything fits in <paramref name="freeBytes"/>, else how many of the
    /// last repeating layers do, each with its KV cache for <paramref name="contextTokens"/> tokens.
    /// </summary>
    public static int Layers(Needs needs, long freeBytes, long headroomBytes, int contextTokens)
    {
        var kvPerLayer = needs.KvBytesPerTokenPerLayer * contextTokens;
        var budget = freeBytes - headroomBytes;
        var everything = needs.LayerBytes.Sum() + needs.OutputBytes + kvPerLayer * needs.LayerBytes.Count;
        if (everything <= budget) return -1;
        var offloaded = 0;
        for (var layer = needs.LayerBytes.Count - 1; layer >= 0 && budget >= needs.LayerBytes[layer] + kvPerLayer; layer--)
        {
            budget -= needs.LayerBytes[layer] + kvPerLayer;
            offloaded++;
        }
        return offloaded;
    }

    [GeneratedRegex(@"^blk\.(\d+)\.")]
    private static partial Regex LayerTensor();
}
