using System.Security.Cryptography;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Summary;

/// <summary>
/// What a person (or a report) wants to know about a model file, taken from its metadata and tensor table.
/// Architecture-specific values are read from "{architecture}.*" keys; absent values are null.
/// </summary>
public sealed record GgufModelSummary
{
    public required string Path { get; init; }
    public required long FileSize { get; init; }
    public string? Sha256 { get; init; }
    public required uint GgufVersion { get; init; }
    public required int TensorCount { get; init; }
    public required int MetadataCount { get; init; }
    public string? Architecture { get; init; }
    public string? Name { get; init; }
    public required long ParameterCount { get; init; }
    public required long TensorBytes { get; init; }
    public required IReadOnlyList<QuantizationMixEntry> QuantizationMix { get; init; }
    public long? FileType { get; init; }
    public string? FileTypeName { get; init; }
    public long? ContextLength { get; init; }
    public long? Layers { get; init; }
    public long? Heads { get; init; }
    public long? KvHeads { get; init; }
    public long? EmbeddingWidth { get; init; }
    public long? FeedForwardWidth { get; init; }
    public string? TokenizerModel { get; init; }
    public long? VocabularySize { get; init; }
    public bool HasChatTemplate => ChatTemplate is not null;
    public string? ChatTemplate { get; init; }

    /// <summary>Average storage per weight across all tensors.</summary>
    public double BitsPerWeight => ParameterCount == 0 ? 0 : TensorBytes * 8.0 / ParameterCount;

    /// <summary>The first <paramref name="lines"/> lines of the chat template, or null when there is none.</summary>
    public IReadOnlyList<string>? ChatTemplatePreview(int lines = 3) =>
        ChatTemplate?.Split('\n').Take(lines).ToArray();

    public static GgufModelSummary Read(string path, bool computeSha256 = false, CancellationToken cancellationToken = default) =>
        From(GgufReader.Read(path), computeSha256, cancellationToken);

    public static GgufModelSummary From(GgufFile file, bool computeSha256 = false, CancellationToken cancellationToken = default)
    {
        var m = file.Metadata;
        var arch = m.GetString("general.architecture");
        long? ArchValue(string suffix) => arch is null ? null : IntegerOrLargest(m, $"{arch}.{suffix}");
        var mix = file.Tensors
            .GroupBy(t => t.Type)
            .Select(g => new QuantizationMixEntry(g.Key, g.Count(), g.Sum(t => t.ElementCount), g.Sum(t => t.ByteSize)))
            .OrderByDescending(e => e.Bytes)
            .ToList();
        var fileType = m.GetInteger("general.file_type");
        return new GgufModelSummary
        {
            Path = file.Path,
            FileSize = file.FileSize,
            Sha256 = computeSha256 ? HashFile(file.Path, cancellationToken) : null,
            GgufVersion = file.Version,
            TensorCount = file.Tensors.Count,
            MetadataCount = m.Count,
            Architecture = arch,
            Name = m.GetString("general.name"),
            ParameterCount = file.Tensors.Sum(t => t.ElementCount),
            TensorBytes = file.Tensors.Sum(t => t.ByteSize),
            QuantizationMix = mix,
            FileType = fileType,
            FileTypeName = fileType is { } ft ? LlamaFileTypeNames.NameOf(ft) : null,
            ContextLength = ArchValue("context_length"),
            Layers = ArchValue("block_count"),
            Heads = ArchValue("attention.head_count"),
            KvHeads = ArchValue("attention.head_count_kv"),
            EmbeddingWidth = ArchValue("embedding_length"),
            FeedForwardWidth = ArchValue("feed_forward_length"),
            TokenizerModel = m.GetString("tokenizer.ggml.model"),
            VocabularySize = m.GetArray("tokenizer.ggml.tokens")?.Count ?? ArchValue("vocab_size"),
            ChatTemplate = m.GetString("tokenizer.chat_template"),
        };
    }

    /// <summary>A scalar integer, or the largest entry of a per-layer integer array (some models vary heads per layer).</summary>
    private static long? IntegerOrLargest(GgufMetadata metadata, string key)
    {
        if (metadata.GetInteger(key) is { } value) return value;
        var array = metadata.GetArray(key);
        if (array is null || array.Count == 0 || array.ElementType is GgufValueType.String or GgufValueType.Array or GgufValueType.Float32 or GgufValueType.Float64 or GgufValueType.Bool)
        {
            return null;
        }
        return array.Items.Cast<object>().Select(o => o is ulong u ? (long)Math.Min(u, long.MaxValue) : Convert.ToInt64(o, System.Globalization.CultureInfo.InvariantCulture)).Max();
    }

    private static string HashFile(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sha.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
