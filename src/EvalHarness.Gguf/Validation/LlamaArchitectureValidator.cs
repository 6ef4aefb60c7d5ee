using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Reading;

namespace EvalHarness.Gguf.Validation;

/// <summary>
/// Checks a file of architecture "llama" against what llama.cpp v0.5.0 needs to load it (llama-model.cpp
/// load_hparams, src/models/llama.cpp load_arch_tensors, llama-vocab.cpp load). Some of these would otherwise end
/// in a GGML_ASSERT that aborts the whole process (block_count 0 or above 512), the rest in a bare runtime error.
/// Files of other architectures are left to llama.cpp: their rules differ per architecture.
/// </summary>
public static class LlamaArchitectureValidator
{
    private const int MaxLayers = 512; // LLAMA_MAX_LAYERS
    private const string Fix = "the model file does not match llama.cpp's llama architecture: re-convert it with a current convert_hf_to_gguf.py";

    public static void Validate(GgufFile file)
    {
        if (file.Metadata.GetString("general.architecture") != "llama") return;
        var m = file.Metadata;
        var embd = RequireUInt32(file, "llama.embedding_length", min: 1);
        var layers = RequireUInt32(file, "llama.block_count", min: 1);
        if (layers > MaxLayers) throw Problem(file, $"llama.block_count is {layers}; llama.cpp allows at most {MaxLayers}");
        RequireUInt32(file, "llama.context_length", min: 1);
        RequireType(file, "llama.attention.layer_norm_rms_epsilon", GgufValueType.Float32);
        // Head and FFN counts may also be per-layer arrays; those files get the checks that do not need them.
        var perLayer = IsArray(m, "llama.attention.head_count") || IsArray(m, "llama.attention.head_count_kv") || IsArray(m, "llama.feed_forward_length");
        long kv = -1, ff = -1;
        if (!perLayer)
        {
            var heads = OptionalUInt32(file, "llama.attention.head_count") ?? 0;
            var kvHeads = OptionalUInt32(file, "llama.attention.head_count_kv") ?? heads;
            ff = OptionalUInt32(file, "llama.feed_forward_length") ?? 0;
            if (heads == 0 || embd % heads != 0) throw Problem(file, $"llama.attention.head_count is {heads}; it must be positive and divide llama.embedding_length ({embd})");
            if (kvHeads == 0 || heads % kvHeads != 0) throw Problem(file, $"llama.attention.head_count_kv is {kvHeads}; it must be positive and divide the head count ({heads})");
            if (m.GetInteger("llama.rope.dimension_count") is { } rot && rot != embd / heads)
            {
                throw Problem(file, $"llama.rope.dimension_count is {rot}; for llama it must equal the head size {embd / heads}");
            }
            kv = embd / heads * kvHeads;
        }
        var vocab = CheckVocabulary(file);
        CheckTensors(file, embd, layers, kv, ff, vocab);
    }

    private static long CheckVocabulary(GgufFile file)
    {
        var tokens = file.Metadata.GetArray("tokenizer.ggml.tokens");
        if (tokens is null || tokens.ElementType != GgufValueType.String || tokens.Count == 0)
        {
            throw Problem(file, "tokenizer.ggml.tokens is missing or not an array of strings");
        }
        var scores = file.Metadata.GetArray("tokenizer.ggml.scores");
        if (scores is not null && (scores.ElementType is not (GgufValueType.Float32 or GgufValueType.Int32) || scores.Count < tokens.Count))
        {
            throw Problem(file, $"tokenizer.ggml.scores must be float32 or int32 with one score per token ({tokens.Count}); it is {scores}");
        }
        var types = file.Metadata.GetArray("tokenizer.ggml.token_type");
        if (types is not null && (types.ElementType != GgufValueType.Int32 || types.Count < tokens.Count))
        {
            throw Problem(file, $"tokenizer.ggml.token_type must be int32 with one type per token ({tokens.Count}); it is {types}");
        }
        if (tokens.As<string>().Distinct(StringComparer.Ordinal).Count() != tokens.Count)
        {
            throw Problem(file, "tokenizer.ggml.tokens holds the same token text twice, which llama.cpp's vocabulary rejects");
        }
        return tokens.Count;
    }

    private static void CheckTensors(GgufFile file, long embd, long layers, long kv, long ff, long vocab)
    {
        RequireShape(file, "token_embd.weight", embd, vocab);
        RequireShape(file, "output_norm.weight", embd);
        if (file.FindTensor("output.weight") is not null) RequireShape(file, "output.weight", embd, vocab);
        for (var layer = 0; layer < layers; layer++)
        {
            var p = $"blk.{layer}.";
            RequireShape(file, p + "attn_norm.weight", embd);
            RequireShape(file, p + "attn_output.weight", embd, embd);
            RequireShape(file, p + "ffn_norm.weight", embd);
            // Fused QKV and mixture-of-experts layouts exist too; check the split, dense form when it is used.
            if (kv >= 0 && file.FindTensor(p + "attn_q.weight") is not null)
            {
                RequireShape(file, p + "attn_q.weight", embd, embd);
                RequireShape(file, p + "attn_k.weight", embd, kv);
                RequireShape(file, p + "attn_v.weight", embd, kv);
            }
            if (ff >= 0 && file.FindTensor(p + "ffn_up.weight") is not null)
            {
                RequireShape(file, p + "ffn_up.weight", embd, ff);
                RequireShape(file, p + "ffn_down.weight", ff, embd);
            }
        }
    }

    private static bool IsArray(GgufMetadata metadata, string key) => metadata.Get(key)?.Type == GgufValueType.Array;

    private static void RequireShape(GgufFile file, string name, params long[] expected)
    {
        var tensor = file.FindTensor(name) ?? throw Problem(file, $"tensor '{name}' is missing");
        if (!tensor.Dimensions.SequenceEqual(expected))
        {
            throw Problem(file, $"tensor '{name}' has shape {tensor.ShapeText} but the metadata implies [{string.Join(", ", expected)}]");
        }
    }

    private static long RequireUInt32(GgufFile file, string key, long min)
    {
        var value = OptionalUInt32(file, key) ?? throw Problem(file, $"required key {key} is missing");
        if (value < min) throw Problem(file, $"{key} is {value}; it must be at least {min}");
        return value;
    }

    private static long? OptionalUInt32(GgufFile file, string key)
    {
        if (!file.Metadata.TryGetValue(key, out var value)) return null;
        if (value.Type != GgufValueType.UInt32) throw Problem(file, $"{key} is stored as {value.Type}; llama.cpp reads it only as UInt32");
        return (uint)value.Value;
    }

    private static void RequireType(GgufFile file, string key, GgufValueType type)
    {
        if (!file.Metadata.TryGetValue(key, out var value)) throw Problem(file, $"required key {key} is missing");
        if (value.Type != type) throw Problem(file, $"{key} is stored as {value.Type}; llama.cpp reads it only as {type}");
    }

    private static GgufFormatException Problem(GgufFile file, string problem) => new(file.Path, problem, null, Fix);
}
