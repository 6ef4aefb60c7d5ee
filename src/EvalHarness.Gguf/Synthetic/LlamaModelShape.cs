namespace EvalHarness.Gguf.Synthetic;

/// <summary>
/// The hyper-parameters of a llama-architecture model, as llama.cpp reads them from llama.* metadata keys.
/// Head size is EmbeddingWidth / Heads (llama.cpp's default when no key_length key is present) and RoPE rotates the
/// whole head (rope.dimension_count = head size, which llama.cpp requires for arch "llama").
/// </summary>
public sealed record LlamaModelShape(
    int VocabularySize,
    int EmbeddingWidth,
    int Layers,
    int Heads,
    int KvHeads,
    int FeedForwardWidth,
    int ContextLength,
    float RmsEpsilon = 1e-5f,
    float RopeFreqBase = 10000f)
{
    /// <summary>SmolLM2-135M's dimensions (576 wide, 30 layers, 9/3 heads, FFN 1536, vocab 49152).</summary>
    public static LlamaModelShape SmolLm135MLike { get; } = new(49152, 576, 30, 9, 3, 1536, 2048, 1e-5f, 100000f);

    /// <summary>
    /// EXAONE 4.0 32B's dense dimensions (64 layers, 5120 wide, 40/8 heads, FFN 27392, vocab 102400) in a plain llama
    /// layout: the same matrix sizes, so the same compute per token, for GPU throughput work. About 32B parameters:
    /// never generate it in tests (64 GB as F16, about 34 GB as Q8_0).
    /// </summary>
    public static LlamaModelShape Exaone32BLike { get; } = new(102400, 5120, 64, 40, 8, 27392, 131072, 1e-5f, 1000000f);

    /// <summary>A model small enough for unit tests (a few hundred kilobytes), still multi-head with GQA.</summary>
    public static LlamaModelShape Tiny { get; } = new(512, 64, 2, 4, 2, 128, 512);

    public int HeadSize => EmbeddingWidth / Heads;

    /// <summary>Width of the K and V projections: KV heads x head size.</summary>
    public int KvWidth => KvHeads * HeadSize;

    /// <summary>Total weights (elements of every tensor, including norms and the untied output matrix).</summary>
    public long ParameterCount =>
        2L * VocabularySize * EmbeddingWidth + EmbeddingWidth
        + Layers * (2L * EmbeddingWidth + 2L * EmbeddingWidth * EmbeddingWidth + 2L * EmbeddingWidth * KvWidth + 3L * EmbeddingWidth * FeedForwardWidth);

    /// <summary>Throws ArgumentException naming the first inconsistency llama.cpp (or ggml) would trip on.</summary>
    public void Validate()
    {
        Require(VocabularySize >= SyntheticVocabulary.ReservedTokenCount + 1, $"vocabulary must hold at least {SyntheticVocabulary.ReservedTokenCount + 1} tokens (3 specials, 256 bytes, one piece)");
        Require(EmbeddingWidth > 0 && Layers > 0 && Heads > 0 && KvHeads > 0 && FeedForwardWidth > 0 && ContextLength > 0, "all sizes must be positive");
        Require(EmbeddingWidth % Heads == 0, $"embedding width {EmbeddingWidth} must divide into {Heads} heads");
        Require(Heads % KvHeads == 0, $"{Heads} heads must be a multiple of {KvHeads} KV heads");
        Require(HeadSize % 2 == 0, $"head size {HeadSize} must be even for RoPE");
        Require(Layers <= 512, "llama.cpp allows at most 512 layers");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }
}
