using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace EvalHarness.Core.Frontier;

/// <summary>
/// Reads typed fields out of one YAML mapping and turns every problem into a <see cref="UserInputException"/>
/// that names the file, the line and the field path (e.g. <c>models[3].scores.mmlu_pro.value</c>). We read the
/// representation model rather than deserialising to classes because only the node tree keeps line numbers.
/// </summary>
internal sealed partial class YamlMapReader
{
    private readonly YamlMappingNode _node;

    public YamlMapReader(YamlNode node, string file, string path)
    {
        File = file;
        Path = path;
        _node = node as YamlMappingNode
            ?? throw Error(node, path, $"expected a mapping (key: value lines), found {Describe(node)}");
    }

    /// <summary>The root node of a file holding exactly one YAML document; a syntax error names file and line.</summary>
    public static YamlNode ReadDocument(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new UserInputException($"{file}:{e.Start.Line}: not valid YAML: {e.Message}", $"fix the YAML syntax at line {e.Start.Line} of {file}", e);
        }
        return stream.Documents.Count == 1
            ? stream.Documents[0].RootNode
            : throw new UserInputException($"{file}: expected one YAML document, found {stream.Documents.Count}", $"make {file} a single YAML document");
    }

    public string File { get; }
    public string Path { get; }
    public int Line => (int)_node.Start.Line;

    public IEnumerable<(string Key, YamlNode Value)> Entries =>
        _node.Children.Select(pair => (ScalarText(pair.Key, Path), pair.Value));

    public UserInputException Error(YamlNode node, string field, string problem) =>
        new($"{File}:{node.Start.Line}: {field}: {problem}",
            $"fix `{field}` at line {node.Start.Line} of {File} (see the header comment of models/frontier.yaml for the format)");

    /// <summary>Rejects keys outside <paramref name="known"/>, so a typo never silently drops a number.</summary>
    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var (key, value) in _node.Children)
        {
            var name = ScalarText(key, Path);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, Field(name), $"unknown field (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    public string Field(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Optional(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    public YamlNode Required(string key) =>
        Optional(key) ?? throw Error(_node, Field(key), "required field is missing");

    public string RequiredString(string key) => ScalarText(Required(key), Field(key));

    public string? OptionalString(string key) => Optional(key) is { } node ? ScalarText(node, Field(key)) : null;

    public double RequiredNumber(string key, double min, double max) => Number(Required(key), Field(key), min, max);

    public double OptionalNumber(string key, double fallback, double min, double max) =>
        Optional(key) is { } node ? Number(node, Field(key), min, max) : fallback;

    public bool RequiredBool(string key) => Bool(Required(key), Field(key));

    public bool OptionalBool(string key, bool fallback) => Optional(key) is { } node ? Bool(node, Field(key)) : fallback;

    public DateOnly RequiredDate(string key)
    {
        var node = Required(key);
        var text = ScalarText(node, Field(key));
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(node, Field(key), $"expected a date YYYY-MM-DD, got '{text}'");
    }

    /// <summary>A source date: YYYY-MM-DD, or YYYY-MM when the source gives no day.</summary>
    public string RequiredSourceDate(string key)
    {
        var node = Required(key);
        var text = ScalarText(node, Field(key));
        var valid = SourceDatePattern().IsMatch(text)
            && DateOnly.TryParseExact(text.Length == 7 ? text + "-01" : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        return valid ? text : throw Error(node, Field(key), $"expected a date YYYY-MM-DD or YYYY-MM, got '{text}'");
    }

    public IReadOnlyList<string> OptionalStringList(string key)
    {
        if (Optional(key) is not { } node) return [];
        if (node is not YamlSequenceNode sequence) throw Error(node, Field(key), $"expected a list, found {Describe(node)}");
        return sequence.Children.Select((item, i) => ScalarText(item, $"{Field(key)}[{i}]")).ToArray();
    }

    public IReadOnlyList<YamlNode> OptionalSequence(string key)
    {
        if (Optional(key) is not { } node) return [];
        return node is YamlSequenceNode sequence
            ? sequence.Children.ToArray()
            : throw Error(node, Field(key), $"expected a list, found {Describe(node)}");
    }

    public YamlMapReader? OptionalMap(string key) => Optional(key) is { } node ? new YamlMapReader(node, File, Field(key)) : null;

    public YamlMapReader RequiredMap(string key) => new(Required(key), File, Field(key));

    private string ScalarText(YamlNode node, string field) =>
        node is YamlScalarNode { Value: { } text } && text.Length > 0
            ? text
            : throw Error(node, field, $"expected a single value, found {Describe(node)}");

    private double Number(YamlNode node, string field, double min, double max)
    {
        var text = ScalarText(node, field);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(node, field, $"expected a number, got '{text}'");
        }
        return value >= min && value <= max
            ? value
            : throw Error(node, field, $"{text} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]"
                + (max == 1 ? " (scores are fractions: write 0.871, not 87.1)" : ""));
    }

    private bool Bool(YamlNode node, string field)
    {
        var text = ScalarText(node, field);
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, field, $"expected true or false, got '{text}'"),
        };
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain
        && (scalar.Value is null || scalar.Value is "" or "~" or "null");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: { Length: > 0 } v } => $"'{v}'",
        _ => "nothing",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}(-\d{2})?$")]
    private static partial Regex SourceDatePattern();
}
