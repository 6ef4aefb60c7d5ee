using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalHarness.Gguf.Summary;

/// <summary>Renders a <see cref="GgufModelSummary"/> as aligned plain text or as JSON. Numbers are invariant.</summary>
public static class GgufSummaryFormatter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string ToJson(GgufModelSummary summary) => JsonSerializer.Serialize(summary, JsonOptions);

    public static string ToText(GgufModelSummary summary)
    {
        var text = new StringBuilder();
        void Line(string label, object? value) =>
            text.Append(CultureInfo.InvariantCulture, $"{label,-18}{(value is null ? "-" : Convert.ToString(value, CultureInfo.InvariantCulture))}\n");

        Line("file", summary.Path);
        Line("size", $"{FormatBytes(summary.FileSize)} ({summary.FileSize.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        if (summary.Sha256 is not null) Line("sha256", summary.Sha256);
        Line("gguf version", summary.GgufVersion);
        Line("architecture", summary.Architecture);
        Line("name", summary.Name);
        Line("parameters", $"{FormatCount(summary.ParameterCount)} ({summary.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)})");
        Line("file type", summary.FileTypeName is null ? null : $"{summary.FileTypeName} ({summary.FileType})");
        Line("bits per weight", summary.BitsPerWeight.ToString("F2", CultureInfo.InvariantCulture));
        Line("context (trained)", summary.ContextLength);
        Line("layers", summary.Layers);
        Line("heads / kv heads", summary.Heads is null ? null : $"{summary.Heads} / {summary.KvHeads?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        Line("embedding width", summary.EmbeddingWidth);
        Line("ffn width", summary.FeedForwardWidth);
        Line("tokenizer", summary.TokenizerModel is null ? null : $"{summary.TokenizerModel}, {summary.VocabularySize?.ToString(CultureInfo.InvariantCulture) ?? "?"} tokens");
        Line("chat template", summary.HasChatTemplate ? "yes" : "no");
        foreach (var line in summary.ChatTemplatePreview() ?? []) text.Append("    | ").Append(Shorten(line, 100)).Append('\n');
        Line("tensors", $"{summary.TensorCount} tensors, {summary.MetadataCount} metadata keys");
        text.Append("quantization mix:\n");
        text.Append(CultureInfo.InvariantCulture, $"    {"type",-8}{"tensors",9}{"parameters",16}{"bytes",14}{"bpw",8}\n");
        foreach (var entry in summary.QuantizationMix)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"    {entry.Type,-8}{entry.TensorCount,9}{entry.Parameters,16:N0}{FormatBytes(entry.Bytes),14}{entry.BitsPerWeight,8:F2}\n");
        }
        return text.ToString();
    }

    public static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : value.ToString("F2", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public static string FormatCount(long count) => count switch
    {
        >= 1_000_000_000 => (count / 1e9).ToString("F2", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000 => (count / 1e6).ToString("F2", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (count / 1e3).ToString("F1", CultureInfo.InvariantCulture) + "K",
        _ => count.ToString(CultureInfo.InvariantCulture),
    };

    private static string Shorten(string line, int max) => line.Length <= max ? line : line[..(max - 1)] + "…";
}
