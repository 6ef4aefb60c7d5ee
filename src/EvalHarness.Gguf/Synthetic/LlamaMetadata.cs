using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Synthetic;

/// <summary>
/// The metadata llama.cpp v0.5.0 reads for arch "llama" with a SentencePiece ("llama") tokenizer. Types matter:
/// llama.cpp's loader rejects a key stored with another type, so counts are uint32 and eps / freq_base float32.
/// </summary>
public static class LlamaMetadata
{
    public static void Add(GgufMetadata metadata, LlamaModelShape shape, SyntheticVocabulary vocabulary, string name, GgmlType weightType, string? chatTemplate = null)
    {
        if (vocabulary.Count != shape.VocabularySize) throw new ArgumentException($"vocabulary has {vocabulary.Count} tokens but the shape says {shape.VocabularySize}");
        metadata.Add("general.architecture", GgufValue.String("llama"));
        metadata.Add("general.name", GgufValue.String(name));
        metadata.Add("general.file_type", GgufValue.UInt32(FileTypeOf(weightType)));
        metadata.Add("general.quantization_version", GgufValue.UInt32(2));
        metadata.Add("llama.vocab_size", GgufValue.UInt32((uint)shape.VocabularySize));
        metadata.Add("llama.context_length", GgufValue.UInt32((uint)shape.ContextLength));
        metadata.Add("llama.embedding_length", GgufValue.UInt32((uint)shape.EmbeddingWidth));
        metadata.Add("llama.block_count", GgufValue.UInt32((uint)shape.Layers));
        metadata.Add("llama.feed_forward_length", GgufValue.UInt32((uint)shape.FeedForwardWidth));
        metadata.Add("llama.attention.head_count", GgufValue.UInt32((uint)shape.Heads));
        metadata.Add("llama.attention.head_count_kv", GgufValue.UInt32((uint)shape.KvHeads));
        metadata.Add("llama.rope.dimension_count", GgufValue.UInt32((uint)shape.HeadSize));
        metadata.Add("llama.attention.layer_norm_rms_epsilon", GgufValue.Float32(shape.RmsEpsilon));
        metadata.Add("llama.rope.freq_base", GgufValue.Float32(shape.RopeFreqBase));
        metadata.Add("tokenizer.ggml.model", GgufValue.String("llama"));
        metadata.Add("tokenizer.ggml.tokens", GgufValue.Strings(vocabulary.Tokens));
        metadata.Add("tokenizer.ggml.scores", GgufValue.Float32s(vocabulary.Scores()));
        metadata.Add("tokenizer.ggml.token_type", GgufValue.Int32s(vocabulary.TokenTypes));
        metadata.Add("tokenizer.ggml.unknown_token_id", GgufValue.UInt32(SyntheticVocabulary.UnknownId));
        metadata.Add("tokenizer.ggml.bos_token_id", GgufValue.UInt32(SyntheticVocabulary.BosId));
        metadata.Add("tokenizer.ggml.eos_token_id", GgufValue.UInt32(SyntheticVocabulary.EosId));
        metadata.Add("tokenizer.ggml.add_bos_token", GgufValue.Bool(true));
        metadata.Add("tokenizer.ggml.add_eos_token", GgufValue.Bool(false));
        if (chatTemplate is not null) metadata.Add("tokenizer.chat_template", GgufValue.String(chatTemplate));
    }

    /// <summary>llama.h's LLAMA_FTYPE for a model whose matrices are all of <paramref name="weightType"/>.</summary>
    public static uint FileTypeOf(GgmlType weightType) => weightType switch
    {
        GgmlType.F32 => 0,
        GgmlType.F16 => 1,
        GgmlType.Q4_0 => 2,
        GgmlType.Q8_0 => 7,
        GgmlType.BF16 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(weightType), weightType, "synthetic models use F32, F16, BF16, Q8_0 or Q4_0"),
    };
}
