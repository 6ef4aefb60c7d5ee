namespace EvalHarness.Core.Ruler;

/// <summary>
/// RULER's needle-in-a-haystack prompts (niah.py generate_input_output): needles "One of the special magic {values}
/// for {key} is: {value}." in a noise, essay or distractor-needle haystack, a question on one or more keys, and the
/// singular wording when one value is asked for. Units: noise sentences, essay words or distractor needles.
/// Depth: null places each needle as RULER does (essay: a depth drawn from 40 evenly spaced percentages, other
/// haystacks: a uniformly drawn slot); a value puts every needle at that percentage of the haystack.
/// Keys and values are drawn distinct from each other and distractors never reuse them, so each answer is in the
/// prompt exactly once (RULER leaves that to chance).
/// </summary>
public sealed class NiahSource : IPromptSource
{
    /// <summary>niah.py DEPTHS: np.round(np.linspace(0, 100, 40)).</summary>
    public static IReadOnlyList<double> RulerDepths { get; } = Enumerable.Range(0, 40).Select(i => Math.Round(i * 100.0 / 39)).ToArray();

    private readonly NiahConfig _config;
    private readonly RulerWords _words;
    private readonly EssayHaystack? _essays;
    private readonly double? _depth;

    public NiahSource(NiahConfig config, RulerWords words, EssayHaystack? essays, double? depth)
    {
        if (config.Haystack == HaystackKind.Essay && essays is null) throw new ArgumentException("an essay haystack needs the essays", nameof(essays));
        if (depth is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(depth), "depth is a percentage from 0 to 100");
        _config = config with { Keys = Math.Max(config.Keys, config.Queries) };
        _words = words;
        _essays = essays;
        _depth = depth;
    }

    public int TokensToGenerate => RulerTemplates.NiahTokensToGenerate;

    public int MinUnits => _config.Haystack == HaystackKind.Essay ? 50 : 5;

    public int MaxUnits => 50_000_000;

    public RulerPrompt Build(int units, RulerRandom random)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var (keys, values, needles) = DrawNeedles(random, taken);
        random.Shuffle(needles);
        var (context, depths) = _config.Haystack == HaystackKind.Essay
            ? EssayContext(units, needles, random)
            : LineContext(units, needles, random, taken);

        var asked = random.Sample(Enumerable.Range(0, _config.Keys).ToArray(), _config.Queries);
        var queries = asked.Select(i => keys[i]).ToArray();
        var answers = asked.SelectMany(i => values[i]).ToArray();
        var query = queries.Length > 1 ? string.Join(", ", queries[..^1]) + ", and " + queries[^1] : queries[0];

        var plural = NiahConfig.PluralName(_config.ValueKind);
        var single = _config.Queries * _config.ValuesPerKey == 1;
        var template = single ? Singular(RulerTemplates.NiahTemplate) : RulerTemplates.NiahTemplate;
        var prefix = single ? Singular(RulerTemplates.NiahAnswerPrefix) : RulerTemplates.NiahAnswerPrefix;
        var noun = single ? plural[..^1] : plural;
        var instruction = RulerTemplates.Fill(template, ("type_needle_v", noun), ("context", context), ("query", query));
        return new RulerPrompt(instruction, RulerTemplates.Fill(prefix, ("type_needle_v", noun), ("query", query)), answers, depths);
    }

    /// <summary>niah.py's rewording when a single value is asked for ("Some … are" → "A … is").</summary>
    private static string Singular(string template) =>
        template.Replace("Some", "A", StringComparison.Ordinal).Replace("are all", "is", StringComparison.Ordinal)
            .Replace("are", "is", StringComparison.Ordinal).Replace("answers", "answer", StringComparison.Ordinal);

    private (List<string> Keys, List<List<string>> Values, List<string> Needles) DrawNeedles(RulerRandom random, HashSet<string> taken)
    {
        var keys = new List<string>();
        var values = new List<List<string>>();
        var needles = new List<string>();
        for (var k = 0; k < _config.Keys; k++)
        {
            keys.Add(NeedleValues.NextDistinct(_config.KeyKind, random, _words, taken));
            var these = new List<string>();
            for (var v = 0; v < _config.ValuesPerKey; v++)
            {
                these.Add(NeedleValues.NextDistinct(_config.ValueKind, random, _words, taken));
                needles.Add(Needle(keys[^1], these[^1]));
            }
            values.Add(these);
        }
        return (keys, values, needles);
    }

    private string Needle(string key, string value) => RulerTemplates.Fill(RulerTemplates.Needle,
        ("type_needle_v", NiahConfig.PluralName(_config.ValueKind)), ("key", key), ("value", value));

    /// <summary>Needles between essay sentences at the depth, joined by spaces (as niah.py).</summary>
    private (string Context, IReadOnlyList<double> Depths) EssayContext(int words, List<string> needles, RulerRandom random)
    {
        var sentences = _essays!.Sentences(words);
        var depths = (_depth is { } fixedDepth ? Enumerable.Repeat(fixedDepth, needles.Count) : random.Sample(RulerDepths, needles.Count))
            .Order().ToArray();
        var positions = depths.Select(d => BoundaryAt(sentences, d)).Append(sentences.Count).Prepend(0).ToArray();
        var parts = new List<string>();
        for (var i = 1; i < positions.Length; i++)
        {
            parts.Add(string.Join(" ", sentences.Skip(positions[i - 1]).Take(positions[i] - positions[i - 1])));
            if (i - 1 < needles.Count) parts.Add(needles[i - 1]);
        }
        return (string.Join(" ", parts), depths);
    }

    /// <summary>
    /// The sentence boundary nearest to <paramref name="depth"/> percent of the text's characters. RULER takes
    /// int(sentences × depth / 100), which drifts from the depth by a few percent where sentence lengths vary; placing by
    /// characters keeps a depth × length heat map honest, and is the same on uniform text.
    /// </summary>
    private static int BoundaryAt(IReadOnlyList<string> sentences, double depth)
    {
        var total = sentences.Sum(s => s.Length + 1) - 1;
        var target = total * depth / 100;
        var offset = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var next = offset + sentences[i].Length + 1;
            if (next > target) return target - offset <= next - target ? i : i + 1;
            offset = next;
        }
        return sentences.Count;
    }

    /// <summary>Needles between noise paragraphs or distractor needles, one per line (as niah.py).</summary>
    private (string Context, IReadOnlyList<double> Depths) LineContext(int units, List<string> needles, RulerRandom random, HashSet<string> taken)
    {
        var lines = _config.Haystack == HaystackKind.Repeat
            ? NoiseHaystack.Paragraphs(units)
            : Enumerable.Range(0, units).Select(_ => Needle(
                NeedleValues.NextDistinct(_config.KeyKind, random, _words, taken),
                NeedleValues.NextDistinct(_config.ValueKind, random, _words, taken))).ToList();
        var count = lines.Count;
        var slots = _depth is { } fixedDepth
            ? Enumerable.Repeat((int)(count * (fixedDepth / 100)), needles.Count).ToArray()
            : random.Sample(Enumerable.Range(0, count).ToArray(), needles.Count).ToArray();
        var descending = slots.OrderDescending().ToArray();
        for (var i = 0; i < descending.Length; i++) lines.Insert(descending[i], needles[i]);
        var depths = descending.Reverse().Select(slot => _depth ?? slot * 100.0 / count).ToArray();
        return (string.Join("\n", lines), depths);
    }
}
