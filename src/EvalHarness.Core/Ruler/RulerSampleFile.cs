using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalHarness.Core.Ruler;

/// <summary>
/// Generated samples as JSONL, one <see cref="RulerSample.ToJson"/> object a line, UTF-8 without BOM and "\n" line
/// ends, so the same samples always give the same bytes. A task file reads it with <c>source: local</c>.
/// </summary>
public static class RulerSampleFile
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        // The essays hold typographic quotes and dashes: keep them readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, IEnumerable<RulerSample> samples)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        foreach (var sample in samples) writer.WriteLine(sample.ToJson().ToJsonString(Compact));
    }

    public static IReadOnlyList<RulerSample> Read(string path) =>
        File.ReadLines(path, Encoding.UTF8).Where(line => line.Length > 0)
            .Select(line => RulerSample.FromJson(JsonNode.Parse(line)!.AsObject())).ToArray();
}
