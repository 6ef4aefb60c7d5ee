using System.Security.Cryptography;
using System.Text.Json;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Summary;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

public class ModelSummaryTests
{
    [Fact]
    public void Stories_summary_matches_its_metadata()
    {
        var summary = GgufModelSummary.Read(TestPaths.RequireShared("models", "stories260K.gguf"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("llama", summary.Architecture);
        Assert.Equal("llama", summary.Name);
        Assert.Equal(292800, summary.ParameterCount);
        Assert.Equal(1185376, summary.FileSize);
        Assert.Equal(2048, summary.ContextLength);
        Assert.Equal(5, summary.Layers);
        Assert.Equal(8, summary.Heads);
        Assert.Equal(4, summary.KvHeads);
        Assert.Equal(64, summary.EmbeddingWidth);
        Assert.Equal(172, summary.FeedForwardWidth);
        Assert.Equal("llama", summary.TokenizerModel);
        Assert.Equal(512, summary.VocabularySize);
        Assert.False(summary.HasChatTemplate);
        Assert.Null(summary.FileType);
        var only = Assert.Single(summary.QuantizationMix);
        Assert.Equal(new QuantizationMixEntry(GgmlType.F32, 48, 292800, 292800 * 4), only);
        Assert.Equal(32.0, summary.BitsPerWeight);
    }

    [Fact]
    public void Quantized_synthetic_model_summary_counts_each_type_and_hashes_the_file()
    {
        using var dir = TestPaths.NewTempDirectory();
        var path = dir.File("tiny-q8.gguf");
        SyntheticModelWriter.WriteRandom(path, LlamaModelShape.Tiny, GgmlType.Q8_0, seed: 3, name: "tiny", chatTemplate: "{% for m in messages %}\n{{ m.content }}\n{% endfor %}\nlast");

        var summary = GgufModelSummary.Read(path, computeSha256: true, TestContext.Current.CancellationToken);

        var shape = LlamaModelShape.Tiny;
        var normParameters = (2L * shape.Layers + 1) * shape.EmbeddingWidth;
        var q8Parameters = shape.ParameterCount - normParameters;
        Assert.Equal(shape.ParameterCount, summary.ParameterCount);
        Assert.Equal(new QuantizationMixEntry(GgmlType.Q8_0, 7 * shape.Layers + 2, q8Parameters, q8Parameters / 32 * 34), summary.QuantizationMix[0]);
        Assert.Equal(new QuantizationMixEntry(GgmlType.F32, 2 * shape.Layers + 1, normParameters, normParameters * 4), summary.QuantizationMix[1]);
        Assert.Equal(8.5, summary.QuantizationMix[0].BitsPerWeight);
        Assert.Equal("Q8_0", summary.FileTypeName);
        Assert.Equal("tiny", summary.Name);
        Assert.True(summary.HasChatTemplate);
        Assert.Equal(["{% for m in messages %}", "{{ m.content }}", "{% endfor %}"], summary.ChatTemplatePreview());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), summary.Sha256);

        var text = GgufSummaryFormatter.ToText(summary);
        Assert.Contains("Q8_0", text);
        Assert.Contains("{{ m.content }}", text);
        Assert.Contains(summary.Sha256!, text);
        using var json = JsonDocument.Parse(GgufSummaryFormatter.ToJson(summary));
        Assert.Equal(shape.ParameterCount, json.RootElement.GetProperty("parameterCount").GetInt64());
        Assert.Equal("Q8_0", json.RootElement.GetProperty("quantizationMix")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void Per_layer_head_arrays_report_the_largest_value()
    {
        using var dir = TestPaths.NewTempDirectory();
        var writer = new Writing.GgufWriter();
        writer.Metadata.Add("general.architecture", GgufValue.String("x"));
        writer.Metadata.Add("x.attention.head_count", GgufValue.Array(GgufValueType.UInt32, new uint[] { 8, 16, 8 }));
        writer.WriteTo(dir.File("x.gguf"));

        var summary = GgufModelSummary.Read(dir.File("x.gguf"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(16, summary.Heads);
        Assert.Null(summary.Layers);
        Assert.Equal(0, summary.ParameterCount);
    }
}
