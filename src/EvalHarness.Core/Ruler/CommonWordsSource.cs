namespace EvalHarness.Core.Ruler;

/// <summary>
/// RULER's common words extraction (common_words_extraction.py): a numbered list where ten words appear 30 times and
/// the others 3 times (6 and 1 under 4K tokens); the answer is the ten. A solved example with 40 words (20 under 4K)
/// comes first. Units: distinct words. RULER stops growing when its word list (wonderwords) runs out; ours is smaller,
/// so when even every word does not reach the length, <see cref="Repeats"/> multiplies both repeat counts (the
/// common/uncommon ratio, what the task tests, stays the same) — see <see cref="Scaled"/>.
/// </summary>
public sealed class CommonWordsSource : IPromptSource
{
    private const int CommonCount = 10;
    private readonly IReadOnlyList<string> _vocabulary;
    private readonly bool _short;

    /// <param name="vocabulary">The words, already in the order RULER's seeded shuffle leaves them.</param>
    /// <param name="targetLength">Below 4096 RULER uses fewer repeats.</param>
    public CommonWordsSource(IReadOnlyList<string> vocabulary, int targetLength, int repeats = 1)
    {
        _vocabulary = vocabulary;
        _short = targetLength < 4096;
        Repeats = repeats;
    }

    /// <summary>Multiplier on RULER's repeat counts (1 = RULER's).</summary>
    public int Repeats { get; }

    public int TokensToGenerate => RulerTemplates.CommonWordsTokensToGenerate;

    public int MinUnits => CommonCount + 1;

    public int MaxUnits => _vocabulary.Count;

    public CommonWordsSource Scaled(int repeats) => new(_vocabulary, _short ? 0 : 4096, repeats);

    public RulerPrompt Build(int units, RulerRandom random)
    {
        var (exampleContext, exampleAnswer) = _short ? List(20, 3, 1, random) : List(40, 10, 3, random);
        var (context, answer) = _short ? List(units, 6 * Repeats, Repeats, random) : List(units, 30 * Repeats, 3 * Repeats, random);
        var template = RulerTemplates.CommonWordsTemplate + RulerTemplates.CommonWordsAnswerPrefix;
        // RULER appends the example's numbered answer right after "are:" (no space) and a newline before the task.
        var example = RulerTemplates.Fill(template, ("context", exampleContext)) + Numbered(exampleAnswer);
        var instruction = example + "\n" + RulerTemplates.Fill(RulerTemplates.CommonWordsTemplate, ("context", context));
        return new RulerPrompt(instruction, RulerTemplates.CommonWordsAnswerPrefix, answer, []);
    }

    private (string Context, IReadOnlyList<string> Common) List(int words, int commonRepeats, int uncommonRepeats, RulerRandom random)
    {
        var drawn = random.Sample(_vocabulary, words);
        var common = drawn.Take(CommonCount).ToArray();
        var list = Enumerable.Repeat(common, commonRepeats).SelectMany(w => w)
            .Concat(Enumerable.Repeat(drawn.Skip(CommonCount).ToArray(), uncommonRepeats).SelectMany(w => w)).ToList();
        random.Shuffle(list);
        return (Numbered(list), common);
    }

    /// <summary>"1. word 2. word …".</summary>
    private static string Numbered(IEnumerable<string> words) =>
        string.Join(" ", words.Select((word, i) => $"{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}. {word}"));
}
