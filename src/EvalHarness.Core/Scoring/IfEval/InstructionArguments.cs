using System.Text.Json;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// The kwargs object of one instruction. Keys whose value is JSON null are ignored, as the reference does when it
/// receives them (the Hugging Face copy of the dataset pads every kwargs object with nulls).
/// </summary>
public sealed class InstructionArguments
{
    private readonly Dictionary<string, JsonElement> _values;

    public InstructionArguments(IReadOnlyDictionary<string, JsonElement> values)
    {
        _values = values.Where(pair => pair.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .ToDictionary(pair => pair.Key, pair => pair.Value.Clone());
    }

    public static InstructionArguments Empty { get; } = new(new Dictionary<string, JsonElement>());

    /// <summary>Reads a kwargs JSON object; anything but an object is an error.</summary>
    public static InstructionArguments FromJson(JsonElement element)
    {
        if (element.ValueKind is JsonValueKind.Null) return Empty;
        if (element.ValueKind is not JsonValueKind.Object)
        {
            throw new FormatException($"kwargs entries must be JSON objects, found {element.ValueKind}.");
        }
        return new InstructionArguments(element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value));
    }

    public static InstructionArguments FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    public IEnumerable<string> Keys => _values.Keys;

    public bool Has(string key) => _values.ContainsKey(key);

    public string? GetString(string key) =>
        _values.TryGetValue(key, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    public int? GetInt(string key)
    {
        if (!_values.TryGetValue(key, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var real) && real == Math.Floor(real)) return (int)real;
        throw new FormatException($"kwargs '{key}' must be an integer, found {value.GetRawText()}.");
    }

    public IReadOnlyList<string>? GetStringList(string key)
    {
        if (!_values.TryGetValue(key, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array) throw new FormatException($"kwargs '{key}' must be a list of strings.");
        return value.EnumerateArray().Select(item => item.GetString() ?? "").ToList();
    }

    public string RequireString(string id, string key) =>
        GetString(key) ?? throw MissingArgument(id, key);

    public int RequireInt(string id, string key) => GetInt(key) ?? throw MissingArgument(id, key);

    /// <summary>
    /// The reference draws a random value when an argument is missing (it generates prompts with the same code);
    /// scoring with a random threshold would be meaningless, so a missing argument is an error here.
    /// </summary>
    private static ArgumentException MissingArgument(string id, string key) =>
        new($"Instruction '{id}' needs kwargs '{key}' (the reference would pick a random value).");
}
