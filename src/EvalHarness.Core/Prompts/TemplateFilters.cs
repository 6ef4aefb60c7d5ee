using System.Globalization;
using System.Text.Json.Nodes;

namespace EvalHarness.Core.Prompts;

/// <summary>
/// The filters a placeholder may apply, deliberately few (the task files' README lists them):
/// <c>strip</c>, <c>lower</c>, <c>upper</c>, <c>spaces</c> (underscores to spaces, for MMLU subjects),
/// <c>after:TEXT</c> / <c>before:TEXT</c> (the part after the last / before the first TEXT),
/// <c>pluck:KEY</c> (a list of objects to the list of their KEY values), <c>join:SEP</c>,
/// <c>lettered:SEP</c> (a list to lines "A{SEP}first", "B{SEP}second", …), <c>letter</c> (an index to its letter).
/// </summary>
public static class TemplateFilters
{
    public static IReadOnlySet<string> Names { get; } =
        new HashSet<string>(["strip", "lower", "upper", "spaces", "after", "before", "pluck", "join", "lettered", "letter"]);

    public static bool NeedsArgument(string name) => name is "after" or "before" or "pluck" or "join" or "lettered";

    public static JsonNode? Apply(string name, string? argument, JsonNode? value, string placeholder) => name switch
    {
        "strip" => Text(AsText(value, placeholder).Trim()),
        "lower" => Text(AsText(value, placeholder).ToLowerInvariant()),
        "upper" => Text(AsText(value, placeholder).ToUpperInvariant()),
        "spaces" => Text(AsText(value, placeholder).Replace('_', ' ')),
        "after" => Text(After(AsText(value, placeholder), argument!)),
        "before" => Text(Before(AsText(value, placeholder), argument!)),
        "pluck" => new JsonArray(AsList(value, placeholder).Select(item => Pluck(item, argument!, placeholder)).ToArray()),
        "join" => Text(string.Join(argument, AsList(value, placeholder).Select(item => AsText(item, placeholder)))),
        "lettered" => Text(string.Join("\n", AsList(value, placeholder).Select((item, i) => $"{Letter(i)}{argument}{AsText(item, placeholder)}"))),
        "letter" => Text(Letter(int.Parse(AsText(value, placeholder), CultureInfo.InvariantCulture)).ToString()),
        _ => throw new TemplateRenderException($"{{{placeholder}}}: unknown filter '{name}'"),
    };

    /// <summary>Choice labels A, B, C, … (as many as MMLU-Pro's ten and more).</summary>
    public static char Letter(int index) => (char)('A' + index);

    /// <summary>A value as prompt text: strings as they are, numbers and booleans invariantly, lists refused.</summary>
    public static string AsText(JsonNode? value, string placeholder) => value switch
    {
        null => "",
        JsonValue scalar when scalar.TryGetValue<string>(out var s) => s,
        JsonValue scalar => scalar.ToJsonString().Trim('"'),
        JsonArray => throw new TemplateRenderException($"{{{placeholder}}} is a list; add |join:SEP or |lettered:SEP"),
        _ => throw new TemplateRenderException($"{{{placeholder}}} is an object; name one of its fields with a dotted path"),
    };

    private static JsonValue Text(string text) => JsonValue.Create(text);

    private static IReadOnlyList<JsonNode?> AsList(JsonNode? value, string placeholder) =>
        value as JsonArray is { } array ? array.ToArray() : throw new TemplateRenderException($"{{{placeholder}}} is not a list");

    private static JsonNode? Pluck(JsonNode? item, string key, string placeholder) =>
        item is JsonObject obj && obj.TryGetPropertyValue(key, out var field)
            ? field?.DeepClone()
            : throw new TemplateRenderException($"{{{placeholder}}}: a list item has no field '{key}'");

    private static string After(string text, string marker)
    {
        var at = text.LastIndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? text : text[(at + marker.Length)..];
    }

    private static string Before(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? text : text[..at];
    }
}
