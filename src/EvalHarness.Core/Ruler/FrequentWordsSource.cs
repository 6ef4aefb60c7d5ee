namespace EvalHarness.Core.Ruler;

/// <summary>
/// RULER's frequent words extraction (freq_words_extraction.py): a vocabulary of random 6-letter "coded words"
/// (target length / 50 of them), the top-ranked one replaced by "...", each rank k repeated
/// ⌊n·k^−α / ζ(α)⌋ times (Zipf, α = 2), shuffled; the answer is ranks 2–4. Units: n, the nominal word count.
/// </summary>
public sealed class FrequentWordsSource : IPromptSource
{
    private const int CodedWordLength = 6;
    private readonly int _vocabularySize;
    private readonly double _alpha;
    private readonly double _zeta;

    public FrequentWordsSource(int targetLength, double alpha = 2.0)
    {
        // RULER: max_seq_length // 50; at least the noise word, the three answers and one more.
        _vocabularySize = Math.Max(5, targetLength / 50);
        _alpha = alpha;
        _zeta = RiemannZeta(alpha);
    }

    public int TokensToGenerate => RulerTemplates.FrequentWordsTokensToGenerate;

    /// <summary>Enough that rank 4, the last answer, appears at least once.</summary>
    public int MinUnits => (int)Math.Ceiling(Math.Pow(4, _alpha) * _zeta);

    public int MaxUnits => 100_000_000;

    public RulerPrompt Build(int units, RulerRandom random)
    {
        var vocabulary = DrawVocabulary(random);
        var words = new List<string>();
        for (var rank = 1; rank <= vocabulary.Count; rank++)
        {
            var count = (int)(units * Math.Pow(rank, -_alpha) / _zeta);
            for (var i = 0; i < count; i++) words.Add(vocabulary[rank - 1]);
        }
        random.Shuffle(words);
        var instruction = RulerTemplates.Fill(RulerTemplates.FrequentWordsTemplate, ("context", string.Join(" ", words)));
        return new RulerPrompt(instruction, RulerTemplates.FrequentWordsAnswerPrefix, vocabulary.Skip(1).Take(3).ToArray(), []);
    }

    private List<string> DrawVocabulary(RulerRandom random)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < _vocabularySize)
        {
            set.Add(new string(Enumerable.Range(0, CodedWordLength).Select(_ => (char)('a' + random.Next(26))).ToArray()));
        }
        var vocabulary = set.Order(StringComparer.Ordinal).ToList();
        random.Shuffle(vocabulary);
        vocabulary[0] = "..."; // RULER: the top rank is noise
        return vocabulary;
    }

    /// <summary>ζ(s) for s > 1: the partial sum to 10⁵ plus the Euler–Maclaurin tail (error far below 1e-12 for s = 2).</summary>
    public static double RiemannZeta(double s)
    {
        if (s <= 1) throw new ArgumentOutOfRangeException(nameof(s), "ζ(s) diverges for s ≤ 1");
        const int terms = 100_000;
        var sum = 0.0;
        for (var k = terms; k >= 1; k--) sum += Math.Pow(k, -s);
        var n = (double)terms;
        return sum + Math.Pow(n, 1 - s) / (s - 1) - Math.Pow(n, -s) / 2 + s * Math.Pow(n, -s - 1) / 12;
    }
}
