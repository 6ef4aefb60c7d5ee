namespace EvalHarness.Gguf.Synthetic;

/// <summary>
/// What a crafted bigram model file contains, so tests can compute exact expectations: each word's token id and
/// the logits the model produces after any token.
/// </summary>
public sealed class BigramModel
{
    private readonly float[][] _logitRows;

    internal BigramModel(string path, SyntheticVocabulary vocabulary, IReadOnlyList<string> words, float[][] logitRows, int embeddingWidth)
    {
        Path = path;
        Vocabulary = vocabulary;
        Words = words;
        _logitRows = logitRows;
        EmbeddingWidth = embeddingWidth;
    }

    public string Path { get; }

    public SyntheticVocabulary Vocabulary { get; }

    public IReadOnlyList<string> Words { get; }

    public int VocabularySize => Vocabulary.Count;

    public int EmbeddingWidth { get; }

    /// <summary>Token id of a word as the tokenizer produces it after a space or at the start of a prompt ("▁word").</summary>
    public int TokenIdOf(string word) => Vocabulary.IdOf(SyntheticVocabulary.WordPiece(word));

    /// <summary>The exact logits (over the whole vocabulary) the model outputs when the last token is <paramref name="tokenId"/>.</summary>
    public IReadOnlyList<float> LogitsAfter(int tokenId) => _logitRows[tokenId];

    /// <summary>log softmax of <see cref="LogitsAfter"/>, computed in double.</summary>
    public double[] LogProbabilitiesAfter(int tokenId)
    {
        var logits = _logitRows[tokenId];
        var max = logits.Max();
        var logSum = Math.Log(logits.Sum(l => Math.Exp(l - max))) + max;
        return logits.Select(l => l - logSum).ToArray();
    }

    /// <summary>The most likely next token after <paramref name="tokenId"/> (lowest id on ties, like greedy argmax).</summary>
    public int GreedyNext(int tokenId)
    {
        var logits = _logitRows[tokenId];
        var best = 0;
        for (var i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }
}
