namespace EvalHarness.Gguf.Synthetic;

/// <summary>
/// A SentencePiece-style ("llama" tokenizer model) vocabulary: &lt;unk&gt;, &lt;s&gt;, &lt;/s&gt;, the 256 byte tokens
/// &lt;0x00&gt;..&lt;0xFF&gt; (type BYTE, needed by llama.cpp's SPM byte fallback), then word pieces.
/// llama.cpp's SPM tokenizer repeatedly merges the adjacent pair whose concatenation is a token with the highest
/// score. So every word piece "▁word" comes with its prefix chain ("▁w", "▁wo", ...) and pieces get descending
/// scores (-rank, like SentencePiece BPE models): common words and their chains outrank the filler pieces, and a
/// known word always tokenizes to its single piece.
/// </summary>
public sealed class SyntheticVocabulary
{
    public const int UnknownId = 0;
    public const int BosId = 1;
    public const int EosId = 2;
    /// <summary>Three special tokens plus 256 byte tokens come before any word piece.</summary>
    public const int ReservedTokenCount = 259;
    public const char SpaceMarker = '▁';

    // llama.h LLAMA_TOKEN_TYPE_* values.
    public const int TypeNormal = 1, TypeUnknown = 2, TypeControl = 3, TypeByte = 6;

    private readonly List<string> _tokens = [];
    private readonly List<int> _types = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    private SyntheticVocabulary()
    {
        AddToken("<unk>", TypeUnknown);
        AddToken("<s>", TypeControl);
        AddToken("</s>", TypeControl);
        for (var b = 0; b < 256; b++) AddToken($"<0x{b:X2}>", TypeByte);
    }

    public IReadOnlyList<string> Tokens => _tokens;

    public IReadOnlyList<int> TokenTypes => _types;

    public int Count => _tokens.Count;

    /// <summary>Scores: 0 for specials and bytes, then -1, -2, ... in piece order (earlier pieces merge first).</summary>
    public float[] Scores() => Enumerable.Range(0, Count).Select(i => i < ReservedTokenCount ? 0f : -(i - ReservedTokenCount + 1)).ToArray();

    public int IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : throw new KeyNotFoundException($"'{token}' is not in the vocabulary");

    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>A general-purpose vocabulary of exactly <paramref name="size"/> tokens.</summary>
    public static SyntheticVocabulary Build(int size)
    {
        if (size <= ReservedTokenCount) throw new ArgumentException($"a vocabulary needs more than {ReservedTokenCount} tokens", nameof(size));
        var vocabulary = new SyntheticVocabulary();
        foreach (var piece in GeneralPieces())
        {
            if (vocabulary.Count == size) break;
            vocabulary.AddPiece(piece);
        }
        return vocabulary;
    }

    /// <summary>
    /// Specials, bytes, then for each word its prefix chain and the piece "▁word" (so "the cat" tokenizes to the
    /// pieces of "the" and "cat"). Use <see cref="WordPiece"/> for the token of a word.
    /// </summary>
    public static SyntheticVocabulary ForWords(IEnumerable<string> words)
    {
        var vocabulary = new SyntheticVocabulary();
        foreach (var word in words)
        {
            if (string.IsNullOrEmpty(word) || word.Any(char.IsWhiteSpace)) throw new ArgumentException($"word '{word}' must be non-empty without spaces", nameof(words));
            foreach (var piece in ChainTo(WordPiece(word))) vocabulary.AddPiece(piece);
        }
        return vocabulary;
    }

    /// <summary>The piece a word becomes after a space (or at the start of a prompt): "▁" + word.</summary>
    public static string WordPiece(string word) => SpaceMarker + word;

    private static IEnumerable<string> GeneralPieces()
    {
        yield return SpaceMarker.ToString();
        const string singles = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?;:'\"-()";
        foreach (var c in singles) yield return c.ToString();
        foreach (var word in CommonEnglishWords.All)
        {
            foreach (var piece in ChainTo(WordPiece(word))) yield return piece;
            var capital = char.ToUpperInvariant(word[0]) + word[1..];
            foreach (var piece in ChainTo(WordPiece(capital))) yield return piece;
        }
        foreach (var c in singles) yield return WordPiece(c.ToString());
        // Filler: letter strings of growing length, with and without the space marker, until the size is reached.
        for (var length = 2; ; length++)
        {
            foreach (var letters in LetterStrings(length))
            {
                yield return SpaceMarker + letters;
                yield return letters;
            }
        }
    }

    private static IEnumerable<string> ChainTo(string piece)
    {
        for (var length = 2; length <= piece.Length; length++) yield return piece[..length];
    }

    private static IEnumerable<string> LetterStrings(int length)
    {
        var indices = new int[length];
        while (true)
        {
            yield return new string(indices.Select(i => (char)('a' + i)).ToArray());
            var position = length - 1;
            while (position >= 0 && ++indices[position] == 26) indices[position--] = 0;
            if (position < 0) yield break;
        }
    }

    private void AddPiece(string piece)
    {
        if (!_ids.ContainsKey(piece)) AddToken(piece, TypeNormal);
    }

    private void AddToken(string token, int type)
    {
        _ids.Add(token, _tokens.Count);
        _tokens.Add(token);
        _types.Add(type);
    }
}
