using System.Text.Json.Nodes;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>Reads the fields a coding scorer needs from the sample's dataset record, with errors that say which.</summary>
internal static class CodeRecordFields
{
    public static JsonObject RecordOf(ScoringTarget target, string scorer) =>
        target.Record ?? throw new ArgumentException($"Scorer '{scorer}' needs the sample's dataset record (its tests live there).", nameof(target));

    public static string Text(JsonObject record, string field, string scorer)
    {
        var node = record[field];
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        var id = record["task_id"]?.ToString() ?? "(no task_id)";
        throw new ArgumentException($"Scorer '{scorer}': record {id} has no text field '{field}'.", nameof(record));
    }
}
