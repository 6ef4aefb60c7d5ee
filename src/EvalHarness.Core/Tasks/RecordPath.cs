using System.Globalization;
using System.Text.Json.Nodes;

namespace EvalHarness.Core.Tasks;

/// <summary>Dotted paths into a record: <c>question.stem</c>, <c>choices.0</c>; a key may contain spaces ("Correct Answer").</summary>
public static class RecordPath
{
    public static JsonNode? Resolve(JsonObject record, string path)
    {
        if (record.TryGetPropertyValue(path, out var direct)) return direct;
        JsonNode? current = record;
        foreach (var part in path.Split('.'))
        {
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(part, out var child) ? child : null,
                JsonArray array when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }
}
