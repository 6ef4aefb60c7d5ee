using System.Text;

namespace EvalHarness.Core.Ruler;

/// <summary>
/// Lost in the Middle's key-value retrieval (nelson-liu/lost-in-the-middle, kv_retrieval.prompt and
/// get_kv_retrieval_prompt): a JSON object of random UUID pairs, one record per line, and the question for one key's
/// value. Units: key-value pairs. The queried pair sits at <c>round((pairs − 1) × depth / 100)</c>; with no depth it is
/// drawn uniformly. Scored like RULER's niah: the value contained in the response.
/// </summary>
public sealed class KeyValueSource(double? depth) : IPromptSource
{
    private readonly double? _depth = depth is < 0 or > 100
        ? throw new ArgumentOutOfRangeException(nameof(depth), "depth is a percentage from 0 to 100")
        : depth;

    public int TokensToGenerate => RulerTemplates.KeyValueTokensToGenerate;

    public int MinUnits => 2;

    public int MaxUnits => 10_000_000;

    public RulerPrompt Build(int units, RulerRandom random)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var pairs = Enumerable.Range(0, units).Select(_ => (Key: Distinct(random, taken), Value: Distinct(random, taken))).ToArray();
        var position = _depth is { } fixedDepth ? (int)Math.Round((units - 1) * fixedDepth / 100, MidpointRounding.AwayFromZero) : random.Next(units);
        var (key, value) = pairs[position];
        var instruction = RulerTemplates.Fill(RulerTemplates.KeyValueTemplate, ("formatted_kv_records", Format(pairs)), ("key", key));
        return new RulerPrompt(instruction, "", [value], [units == 1 ? 0 : position * 100.0 / (units - 1)]);
    }

    /// <summary>{"k": "v",\n "k": "v",\n … "k": "v"} — the layout of Lost in the Middle's prompt.</summary>
    public static string Format(IReadOnlyList<(string Key, string Value)> pairs)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pairs.Count; i++)
        {
            text.Append(i == 0 ? '{' : ' ').Append('"').Append(pairs[i].Key).Append("\": \"").Append(pairs[i].Value).Append('"');
            text.Append(i == pairs.Count - 1 ? "}" : ",\n");
        }
        return text.ToString();
    }

    private static string Distinct(RulerRandom random, HashSet<string> taken)
    {
        string uuid;
        do { uuid = random.NextUuid(); } while (!taken.Add(uuid));
        return uuid;
    }
}
