using System.Globalization;
using EvalHarness.Core.Prompts;
using YamlDotNet.RepresentationModel;

namespace EvalHarness.Core.Tasks;

/// <summary>
/// Typed access to one YAML mapping of a task file. Every problem becomes a <see cref="TaskSpecException"/> naming
/// file, line and field path; unknown keys are rejected so a typo never silently changes a protocol. The node tree
/// is read (rather than deserialised into classes) because only it keeps line numbers.
/// </summary>
internal sealed class TaskYamlReader
{
    private readonly YamlMappingNode _node;

    public TaskYamlReader(YamlNode node, string file, string path)
    {
        File = file;
        Path = path;
        _node = node as YamlMappingNode ?? throw Error(node, path, "expected a mapping (key: value lines)");
    }

    public string File { get; }
    public string Path { get; }

    public TaskSpecException Error(YamlNode node, string field, string problem) => new(File, node.Start.Line, field, problem);

    public TaskSpecException Error(string key, string problem) => Error(Optional(key) ?? _node, Field(key), problem);

    public string Field(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, Field(name), $"unknown field (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    public YamlNode? Optional(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    public YamlNode Required(string key) => Optional(key) ?? throw Error(_node, Field(key), "required field is missing");

    public string RequiredString(string key) => Scalar(Required(key), Field(key));

    public string? OptionalString(string key) => Optional(key) is { } node ? Scalar(node, Field(key)) : null;

    public int OptionalInt(string key, int fallback, int min, int max)
    {
        if (Optional(key) is not { } node) return fallback;
        var text = Scalar(node, Field(key));
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Error(node, Field(key), $"expected a whole number from {min} to {max}, found '{text}'");
        }
        return value;
    }

    public int? OptionalNullableInt(string key) => Optional(key) is null ? null : OptionalInt(key, 0, int.MinValue, int.MaxValue);

    public float OptionalFloat(string key, float fallback, float min, float max)
    {
        if (Optional(key) is not { } node) return fallback;
        var text = Scalar(node, Field(key));
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Error(node, Field(key), $"expected a number from {min} to {max}, found '{text}'");
        }
        return value;
    }

    public bool OptionalBool(string key, bool fallback)
    {
        if (Optional(key) is not { } node) return fallback;
        return Scalar(node, Field(key)) switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var other => throw Error(node, Field(key), $"expected true or false, found '{other}'"),
        };
    }

    public T OptionalEnum<T>(string key, T fallback, IReadOnlyDictionary<string, T> names)
    {
        if (Optional(key) is not { } node) return fallback;
        var text = Scalar(node, Field(key));
        return names.TryGetValue(text, out var value)
            ? value
            : throw Error(node, Field(key), $"'{text}' is not one of: {string.Join(", ", names.Keys)}");
    }

    /// <summary>A list of strings; a single scalar counts as a one-item list.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        return Optional(key) switch
        {
            null => [],
            YamlScalarNode scalar => [Scalar(scalar, Field(key))],
            YamlSequenceNode sequence => sequence.Children.Select((item, i) => Scalar(item, $"{Field(key)}[{i}]", allowEmpty: true)).ToArray(),
            var other => throw Error(other, Field(key), "expected a string or a list of strings"),
        };
    }

    public PromptTemplate? OptionalTemplate(string key) =>
        Optional(key) is { } node ? Template(Scalar(node, Field(key), allowEmpty: true), node, Field(key)) : null;

    public IReadOnlyList<PromptTemplate> TemplateList(string key)
    {
        var node = Optional(key);
        return node switch
        {
            null => [],
            YamlScalarNode scalar => [Template(Scalar(scalar, Field(key)), scalar, Field(key))],
            YamlSequenceNode sequence => sequence.Children
                .Select((item, i) => Template(Scalar(item, $"{Field(key)}[{i}]", allowEmpty: true), item, $"{Field(key)}[{i}]"))
                .ToArray(),
            _ => throw Error(node, Field(key), "expected a template or a list of templates"),
        };
    }

    public TaskYamlReader? OptionalMap(string key) => Optional(key) is { } node ? new TaskYamlReader(node, File, Field(key)) : null;

    public TaskYamlReader RequiredMap(string key) => new(Required(key), File, Field(key));

    public IEnumerable<(string Key, TaskYamlReader Map)> MapEntries() =>
        _node.Children.Select(pair => ((pair.Key as YamlScalarNode)?.Value ?? "", new TaskYamlReader(pair.Value, File, Field((pair.Key as YamlScalarNode)?.Value ?? ""))));

    private PromptTemplate Template(string text, YamlNode node, string field)
    {
        try
        {
            return PromptTemplate.Parse(text);
        }
        catch (FormatException e)
        {
            throw Error(node, field, $"bad template: {e.Message}");
        }
    }

    private string Scalar(YamlNode node, string field, bool allowEmpty = false) =>
        node is YamlScalarNode { Value: { } text } && (allowEmpty || text.Length > 0)
            ? text
            : throw Error(node, field, "expected a text value");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null" } scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
}
