using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Reading;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Gguf.Writing;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

/// <summary>Files that are valid GGUF but that llama.cpp could not load as a llama model (some would abort it).</summary>
public sealed class LlamaArchitectureValidatorTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    private string WriteTiny(Action<GgufWriter> change)
    {
        var writer = SyntheticModelWriter.CreateRandom(LlamaModelShape.Tiny with { VocabularySize = 300 }, GgmlType.F32, seed: 1);
        change(writer);
        var path = _dir.File($"m-{Guid.NewGuid():N}.gguf");
        writer.WriteTo(path);
        return path;
    }

    private static void Rejects(string path, string fragment)
    {
        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));
        Assert.Contains(fragment, error.Message);
        // The same file is fine as plain GGUF.
        GgufReader.Read(path, GgufReadOptions.Specification);
    }

    [Fact]
    public void Synthetic_models_and_the_real_model_pass()
    {
        GgufReader.Read(WriteTiny(_ => { }));
        var stories = TestPaths.RequireShared("models", "stories260K.gguf");
        GgufReader.Read(stories);
    }

    [Fact]
    public void Zero_or_too_many_layers_would_abort_llama_cpp()
    {
        Rejects(WriteTiny(w => w.Metadata.Set("llama.block_count", GgufValue.UInt32(0))), "llama.block_count is 0");
        Rejects(WriteTiny(w => w.Metadata.Set("llama.block_count", GgufValue.UInt32(513))), "at most 512");
    }

    [Fact]
    public void Keys_must_exist_with_llama_cpp_types()
    {
        Rejects(WriteTiny(w => w.Metadata.Set("llama.context_length", GgufValue.UInt64(512))), "llama.context_length is stored as UInt64");
        Rejects(WriteTiny(w => w.Metadata.Set("llama.attention.layer_norm_rms_epsilon", GgufValue.Float64(1e-5))), "layer_norm_rms_epsilon is stored as Float64");
        Rejects(WriteTiny(w => w.Metadata.Set("llama.attention.head_count", GgufValue.UInt32(3))), "head_count is 3");
        Rejects(WriteTiny(w => w.Metadata.Set("llama.rope.dimension_count", GgufValue.UInt32(8))), "rope.dimension_count is 8");
    }

    [Fact]
    public void Tensor_shapes_must_match_the_metadata()
    {
        Rejects(WriteTiny(w => w.Metadata.Set("llama.feed_forward_length", GgufValue.UInt32(96))), "'blk.0.ffn_up.weight' has shape [64, 128]");
        Rejects(WriteTiny(w => w.Metadata.Set("llama.block_count", GgufValue.UInt32(3))), "'blk.2.attn_norm.weight' is missing");
    }

    [Fact]
    public void Vocabulary_must_be_loadable()
    {
        Rejects(WriteTiny(w => w.Metadata.Set("tokenizer.ggml.scores", GgufValue.Float32s([0f, 1f]))), "tokenizer.ggml.scores");
        var tokens = SyntheticVocabulary.Build(300).Tokens.ToArray();
        tokens[299] = tokens[298];
        Rejects(WriteTiny(w => w.Metadata.Set("tokenizer.ggml.tokens", GgufValue.Strings(tokens))), "same token text twice");
    }
}
