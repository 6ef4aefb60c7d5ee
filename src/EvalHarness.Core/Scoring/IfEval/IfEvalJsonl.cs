using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// Reads the reference's JSONL files (input_data.jsonl and prompt/response files) and writes per-prompt results.
/// A line that is not valid JSON or lacks a field is a <see cref="UserInputException"/> naming the file and line.
/// Blank lines are skipped (Python's json.loads would fail on them; accepting them loses nothing).
/// </summary>
public static class IfEvalJsonl
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static IReadOnlyList<IfEvalInput> ReadInputs(string path) =>
        ReadLines(path, (root, line) =>
        {
            var ids = RequireArray(root, "instruction_id_list", path, line).Select(e => e.GetString() ?? "").ToList();
            var kwargs = RequireArray(root, "kwargs", path, line).Select(InstructionArguments.FromJson).ToList();
            if (ids.Count != kwargs.Count)
            {
                throw Malformed(path, line, $"instruction_id_list has {ids.Count} entries but kwargs has {kwargs.Count}");
            }
            long key = root.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.Number ? k.GetInt64() : line;
            return new IfEvalInput(key, RequireString(root, "prompt", path, line), ids, kwargs);
        });

    public static IReadOnlyList<IfEvalResponse> ReadResponses(string path) =>
        ReadLines(path, (root, line) => new IfEvalResponse(RequireString(root, "prompt", path, line), RequireString(root, "response", path, line)));

    /// <summary>Writes one JSON object per prompt, fields in the reference's (sorted) order.</summary>
    public static void WriteResults(string path, IEnumerable<IfEvalPromptResult> results)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        foreach (var result in results)
        {
            writer.Write(JsonSerializer.Serialize(result, WriteOptions));
            writer.Write('\n');
        }
    }

    private static List<T> ReadLines<T>(string path, Func<JsonElement, int, T> parse)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"IFEval file not found: {path}", "Check the path; IFEval needs input_data.jsonl and a prompt/response JSONL file.");
        }
        var items = new List<T>();
        int lineNumber = 0;
        foreach (var text in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw Malformed(path, lineNumber, "not valid JSON (" + e.Message + ")", e);
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object) throw Malformed(path, lineNumber, "not a JSON object");
                try
                {
                    items.Add(parse(document.RootElement, lineNumber));
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException)
                {
                    throw Malformed(path, lineNumber, e.Message, e);
                }
            }
        }
        return items;
    }

    private static string RequireString(JsonElement root, string name, string path, int line) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Malformed(path, line, $"missing string field '{name}'");

    private static IEnumerable<JsonElement> RequireArray(JsonElement root, string name, string path, int line) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw Malformed(path, line, $"missing array field '{name}'");

    internal static UserInputException Malformed(string path, int line, string reason, Exception? inner = null) =>
        new($"{path}, line {line}: {reason}.", "Fix or remove that line; each line must be one JSON object in the IFEval format.", inner);
}
