using EvalHarness.Gguf;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Llama.Engine;
using EvalHarness.Testing;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// Without --gpu-layers, a model offloads all its layers when they fit the GPU's free memory with a full-length
/// sequence's KV cache, else as many of the last layers as fit. Measured from the GGUF before anything loads.
/// </summary>
public sealed class GpuLayerFitTests : IDisposable
{
    private readonly TempDirectory _directory = TestPaths.NewTempDirectory();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_models_needs_come_from_its_tensor_table_and_attention_shape()
    {
        var shape = LlamaModelShape.Tiny with { Layers = 3 };
        var path = _directory.File("three-layers.gguf");
        SyntheticModelWriter.WriteRandom(path, shape, GgmlType.F32, seed: 1, name: "three");

        var needs = GpuLayerFit.Read(GgufReader.Read(path), GgmlType.F16, GgmlType.Q8_0);

        var width = (long)shape.EmbeddingWidth;
        var layer = 4 * (2 * width + 2 * width * width + 2 * width * shape.KvWidth + 3 * width * shape.FeedForwardWidth);
        Assert.Equal([layer, layer, layer], needs.LayerBytes);
        Assert.Equal(4 * (width + width * shape.VocabularySize), needs.OutputBytes);
        // Keys in f16 (2 bytes a value), values in q8_0 (34 bytes a block of 32).
        Assert.Equal(2 * shape.KvWidth + shape.KvWidth / 32 * 34, needs.KvBytesPerTokenPerLayer);
        Assert.Equal(shape.VocabularySize, needs.VocabularySize);
        Assert.Equal(shape.EmbeddingWidth, needs.EmbeddingWidth);
    }

    [Fact]
    public void Everything_that_fits_goes_to_the_GPU_and_otherwise_the_last_layers_that_fit()
    {
        // Four layers of 10 MB, a 5 MB output layer, 1 KB of KV cache per token and layer; 2 MB of headroom.
        var needs = new GpuLayerFit.Needs([10_000_000, 10_000_000, 10_000_000, 12_000_000], 5_000_000, 1_000, VocabularySize: 100, EmbeddingWidth: 8);
        const int tokens = 1_000; // 1 MB of cache per layer

        Assert.Equal(-1, GpuLayerFit.Layers(needs, 2_000_000 + 42_000_000 + 5_000_000 + 4_000_000, 2_000_000, tokens));
        // One byte short of all: the output layer stays out, so every repeating layer still fits.
        Assert.Equal(4, GpuLayerFit.Layers(needs, 2_000_000 + 42_000_000 + 5_000_000 + 4_000_000 - 1, 2_000_000, tokens));
        // Layers go from the end: the 12 MB last layer first, then 10 MB ones.
        Assert.Equal(2, GpuLayerFit.Layers(needs, 2_000_000 + 13_000_000 + 11_000_000, 2_000_000, tokens));
        Assert.Equal(1, GpuLayerFit.Layers(needs, 2_000_000 + 13_000_000 + 10_999_999, 2_000_000, tokens));
        Assert.Equal(0, GpuLayerFit.Layers(needs, 2_000_000 + 12_999_999, 2_000_000, tokens));
        Assert.Equal(0, GpuLayerFit.Layers(needs, 1_000_000, 2_000_000, tokens));
    }
}
