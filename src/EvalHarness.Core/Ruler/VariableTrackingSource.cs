using System.Globalization;

namespace EvalHarness.Core.Ruler;

/// <summary>
/// RULER's variable tracking (variable_tracking.py): chains "VAR X = 12345", "VAR Y = VAR X ", … hidden at random
/// places in the noise paragraphs; the question asks for every variable holding the first value. The prompt opens with
/// one solved example built the same way at 500 tokens (3-letter names), as RULER's add_fewshot does. Units: noise
/// sentences (see <see cref="NoiseHaystack"/>). RULER draws the first value with NumPy's generator; ours comes from
/// the sample's stream.
/// </summary>
public sealed class VariableTrackingSource : IPromptSource
{
    private readonly int _chains;
    private readonly int _hops;
    private readonly bool _isExample;
    private readonly string _example;

    /// <param name="example">The solved example placed first (empty for the example itself).</param>
    public VariableTrackingSource(int chains = 1, int hops = 4, bool isExample = false, string example = "")
    {
        _chains = chains;
        _hops = isExample ? Math.Min(10, hops) : hops;
        _isExample = isExample;
        _example = example;
    }

    public int TokensToGenerate => RulerTemplates.VariableTrackingTokensToGenerate;

    /// <summary>Enough paragraphs for every chain statement to get its own slot.</summary>
    public int MinUnits => (_hops + 1) * _chains * NoiseHaystack.Sentences.Count;

    public int MaxUnits => 50_000_000;

    public RulerPrompt Build(int units, RulerRandom random)
    {
        var (variables, chains) = DrawChains(random);
        var sentences = NoiseHaystack.Paragraphs(units).Select(p => p + "\n").ToList();
        foreach (var chain in chains)
        {
            var positions = random.Sample(Enumerable.Range(0, sentences.Count).ToArray(), chain.Count).Order().ToArray();
            for (var j = 0; j < chain.Count; j++) sentences.Insert(positions[j] + j, chain[j]);
        }
        var context = string.Join(" ", sentences).Replace(". \n", ".\n", StringComparison.Ordinal);
        var value = chains[0][0].Split('=')[^1].Trim();
        var template = _isExample ? CollapseWhitespace(RulerTemplates.VariableTrackingTemplate) : RulerTemplates.VariableTrackingTemplate;
        var instruction = _example + RulerTemplates.Fill(template, ("context", context), ("query", value));
        var prefix = RulerTemplates.Fill(RulerTemplates.VariableTrackingAnswerPrefix,
            ("num_v", (_hops + 1).ToString(CultureInfo.InvariantCulture)), ("query", value));
        return new RulerPrompt(instruction, prefix, variables[0], []);
    }

    /// <summary>The example as it is prepended: its prompt, its answer, a blank line (variable_tracking.py).</summary>
    public static string ExampleText(RulerPrompt example) => example.Input + " " + string.Join(" ", example.Outputs) + "\n\n" + "\n\n";

    /// <summary>
    /// RULER builds the example's template by splitting on whitespace and dropping the last word, meant to remove the
    /// model template's closing tag; with no model template we keep every word and only collapse the whitespace.
    /// </summary>
    private static string CollapseWhitespace(string template) =>
        string.Join(" ", template.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private (List<List<string>> Variables, List<List<string>> Chains) DrawChains(RulerRandom random)
    {
        var letters = _isExample ? 3 : 5;
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < (_hops + 1) * _chains)
        {
            var name = new string(Enumerable.Range(0, letters).Select(_ => (char)('A' + random.Next(26))).ToArray());
            if (seen.Add(name)) names.Add(name);
        }
        var variables = new List<List<string>>();
        var chains = new List<List<string>>();
        for (var i = 0; i < names.Count; i += _hops + 1)
        {
            var these = names.GetRange(i, _hops + 1);
            variables.Add(these);
            var chain = new List<string> { $"VAR {these[0]} = {random.NextInclusive(10000, 99998).ToString(CultureInfo.InvariantCulture)}" };
            for (var j = 0; j < _hops; j++) chain.Add($"VAR {these[j + 1]} = VAR {these[j]} ");
            chains.Add(chain);
        }
        return (variables, chains);
    }
}
