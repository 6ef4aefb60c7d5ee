using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Writing;

namespace EvalHarness.Gguf.Synthetic;

/// <summary>Choices for a crafted bigram model beyond the word-to-word table.</summary>
public sealed record BigramOptions
{
    /// <summary>Logits of each word as the first token after BOS (length = word count); default all 0 (uniform).</summary>
    public float[]? AfterBos { get; init; }

    /// <summary>Logit of end-of-text (&lt;/s&gt;) after each word (length = word count); default <see cref="OtherLogit"/>.</summary>
    public float[]? EndOfText { get; init; }

    /// <summary>Logit of every token that is not a word (specials, bytes, prefix pieces).</summary>
    public float OtherLogit { get; init; } = -30f;

    public string Name { get; init; } = "bigram-fixture";

    public string? ChatTemplate { get; init; }
}

/// <summary>
/// Writes a one-layer llama model whose next-token logits are a table we choose, so engine tests know the exact
/// expected log-likelihoods and greedy outputs.
///
/// The maths. Let V be the vocabulary size and n = V rounded up to a multiple of 32 (the embedding width; heads of
/// size 32, so n_head = n / 32 and RoPE's even head size holds). For input token i:
///   1. token_embd row i is the unit vector e_i, so the hidden state is h = e_i.
///   2. The layer adds attention and FFN outputs. attn_output and ffn_down are all zeros (and so are q, k, v, gate,
///      up), so both outputs are exactly 0 and h stays e_i after the layer, whatever the position or context.
///   3. Final RMS norm: rms(e_i) = sqrt(mean(h²) + eps) = sqrt(1/n + eps), and output_norm.weight is that same
///      value in every position, so norm(h) = e_i / sqrt(1/n + eps) * sqrt(1/n + eps) = e_i.
///   4. output.weight has ne = {n, V}: row j (output token j) holds column i = logit(i -> j). The LM head computes
///      logit_j = row_j · e_i = table[i][j].
/// So the logits after token i are exactly row i of the full table, up to float rounding in step 3 (a few ulps,
/// relative error ~1e-6). Rows: after a word, the caller's table row (words), EndOfText for &lt;/s&gt;, OtherLogit for
/// the rest; after BOS, AfterBos; after any other token, 0 for words and OtherLogit for the rest. All tensors F32.
/// </summary>
public static class BigramModelWriter
{
    private const int HeadSize = 32;
    private const float RmsEpsilon = 1e-5f;

    public static BigramModel Write(string path, IReadOnlyList<string> words, float[,] logitTable, BigramOptions? options = null)
    {
        options ??= new BigramOptions();
        Validate(words, logitTable, options);
        var vocabulary = SyntheticVocabulary.ForWords(words);
        var rows = BuildLogitRows(vocabulary, words, logitTable, options);
        var vocab = vocabulary.Count;
        var width = (vocab + HeadSize - 1) / HeadSize * HeadSize;
        var shape = new LlamaModelShape(vocab, width, 1, width / HeadSize, width / HeadSize, HeadSize, 4096, RmsEpsilon);
        var writer = new GgufWriter();
        LlamaMetadata.Add(writer.Metadata, shape, vocabulary, options.Name, GgmlType.F32, options.ChatTemplate);
        foreach (var tensor in LlamaTensorLayout.For(shape))
        {
            writer.AddTensor(tensor.Name, tensor.Dimensions, GgmlType.F32, SourceFor(tensor.Name, rows, width));
        }
        writer.WriteTo(path);
        return new BigramModel(Path.GetFullPath(path), vocabulary, words.ToArray(), rows, width);
    }

    private static TensorDataSource SourceFor(string name, float[][] logitRows, int width) => name switch
    {
        "token_embd.weight" => data => WriteOneHotRows(data),
        "output_norm.weight" => data => SyntheticModelWriter.WriteConstantRows(data, MathF.Sqrt(1f / width + RmsEpsilon)),
        "output.weight" => data => WriteTransposedLogits(data, logitRows),
        _ when name.EndsWith("_norm.weight", StringComparison.Ordinal) => data => SyntheticModelWriter.WriteConstantRows(data, 1f),
        _ => data => SyntheticModelWriter.WriteConstantRows(data, 0f),
    };

    private static void WriteOneHotRows(TensorDataWriter data)
    {
        var row = new float[data.RowLength];
        for (var token = 0; token < data.RowCount; token++)
        {
            row[token] = 1f;
            data.WriteRow(row);
            row[token] = 0f;
        }
    }

    private static void WriteTransposedLogits(TensorDataWriter data, float[][] logitRows)
    {
        var row = new float[data.RowLength];
        for (var next = 0; next < data.RowCount; next++)
        {
            for (var previous = 0; previous < logitRows.Length; previous++) row[previous] = logitRows[previous][next];
            data.WriteRow(row);
        }
    }

    private static float[][] BuildLogitRows(SyntheticVocabulary vocabulary, IReadOnlyList<string> words, float[,] table, BigramOptions options)
    {
        var wordIds = words.Select(w => vocabulary.IdOf(SyntheticVocabulary.WordPiece(w))).ToArray();
        var rows = new float[vocabulary.Count][];
        for (var previous = 0; previous < rows.Length; previous++)
        {
            var row = Enumerable.Repeat(options.OtherLogit, vocabulary.Count).ToArray();
            var wordIndex = Array.IndexOf(wordIds, previous);
            for (var w = 0; w < wordIds.Length; w++)
            {
                row[wordIds[w]] = wordIndex >= 0 ? table[wordIndex, w]
                    : previous == SyntheticVocabulary.BosId ? options.AfterBos?[w] ?? 0f
                    : 0f;
            }
            if (wordIndex >= 0 && options.EndOfText is { } eos) row[SyntheticVocabulary.EosId] = eos[wordIndex];
            rows[previous] = row;
        }
        return rows;
    }

    private static void Validate(IReadOnlyList<string> words, float[,] table, BigramOptions options)
    {
        if (words.Count == 0) throw new ArgumentException("a bigram model needs at least one word", nameof(words));
        if (words.Distinct(StringComparer.Ordinal).Count() != words.Count) throw new ArgumentException("words must be distinct", nameof(words));
        if (table.GetLength(0) != words.Count || table.GetLength(1) != words.Count)
        {
            throw new ArgumentException($"the logit table must be {words.Count} x {words.Count} (previous word, next word)", nameof(table));
        }
        if (options.AfterBos is { } bos && bos.Length != words.Count) throw new ArgumentException("AfterBos needs one logit per word", nameof(options));
        if (options.EndOfText is { } eos && eos.Length != words.Count) throw new ArgumentException("EndOfText needs one logit per word", nameof(options));
    }
}
