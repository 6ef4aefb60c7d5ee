using System.Security.Cryptography;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Reading;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

public sealed class SyntheticModelTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(GgmlType.F32, 0u)]
    [InlineData(GgmlType.F16, 1u)]
    [InlineData(GgmlType.Q8_0, 7u)]
    [InlineData(GgmlType.Q4_0, 2u)]
    public void Random_model_has_the_tensors_and_metadata_llama_cpp_expects(GgmlType type, uint fileType)
    {
        var path = _dir.File($"tiny-{type}.gguf");
        SyntheticModelWriter.WriteRandom(path, LlamaModelShape.Tiny, type, seed: 1);

        var file = GgufReader.Read(path);

        // Shapes from llama.cpp's load_arch_tensors for arch "llama" with n_embd 64, n_head 4, n_head_kv 2, n_ff 128.
        var expected = new Dictionary<string, long[]>
        {
            ["token_embd.weight"] = [64, 512], ["output_norm.weight"] = [64], ["output.weight"] = [64, 512],
            ["blk.1.attn_norm.weight"] = [64], ["blk.1.attn_q.weight"] = [64, 64], ["blk.1.attn_k.weight"] = [64, 32],
            ["blk.1.attn_v.weight"] = [64, 32], ["blk.1.attn_output.weight"] = [64, 64], ["blk.1.ffn_norm.weight"] = [64],
            ["blk.1.ffn_gate.weight"] = [64, 128], ["blk.1.ffn_up.weight"] = [64, 128], ["blk.1.ffn_down.weight"] = [128, 64],
        };
        Assert.Equal(3 + 2 * 9, file.Tensors.Count);
        foreach (var (name, dims) in expected) Assert.Equal(dims, file.FindTensor(name)!.Dimensions);
        Assert.All(file.Tensors, t => Assert.Equal(t.Dimensions.Count == 1 ? GgmlType.F32 : type, t.Type));
        Assert.Equal(LlamaModelShape.Tiny.ParameterCount, file.Tensors.Sum(t => t.ElementCount));

        var m = file.Metadata;
        Assert.Equal("llama", m.GetString("general.architecture"));
        Assert.Equal(GgufValue.UInt32(fileType), m.Get("general.file_type"));
        foreach (var key in new[] { "llama.context_length", "llama.embedding_length", "llama.block_count", "llama.feed_forward_length",
                     "llama.attention.head_count", "llama.attention.head_count_kv", "llama.vocab_size", "llama.rope.dimension_count",
                     "tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id", "tokenizer.ggml.unknown_token_id" })
        {
            Assert.Equal(GgufValueType.UInt32, m.Get(key)!.Type);
        }
        Assert.Equal(GgufValue.Float32(1e-5f), m.Get("llama.attention.layer_norm_rms_epsilon"));
        Assert.Equal(GgufValue.Float32(10000f), m.Get("llama.rope.freq_base"));
        Assert.Equal(16, m.GetInteger("llama.rope.dimension_count"));
        Assert.Equal("llama", m.GetString("tokenizer.ggml.model"));
        Assert.Equal(512, m.GetArray("tokenizer.ggml.tokens")!.Count);
        Assert.Equal(GgufValueType.Float32, m.GetArray("tokenizer.ggml.scores")!.ElementType);
        Assert.Equal(GgufValueType.Int32, m.GetArray("tokenizer.ggml.token_type")!.ElementType);
        Assert.True(m.GetBool("tokenizer.ggml.add_bos_token"));
    }

    [Fact]
    public void Random_weights_are_seeded_deterministic_and_scaled()
    {
        SyntheticModelWriter.WriteRandom(_dir.File("a.gguf"), LlamaModelShape.Tiny, GgmlType.F32, seed: 42);
        SyntheticModelWriter.WriteRandom(_dir.File("b.gguf"), LlamaModelShape.Tiny, GgmlType.F32, seed: 42);
        SyntheticModelWriter.WriteRandom(_dir.File("c.gguf"), LlamaModelShape.Tiny, GgmlType.F32, seed: 43);

        var hash = (string p) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)));
        Assert.Equal(hash(_dir.File("a.gguf")), hash(_dir.File("b.gguf")));
        Assert.NotEqual(hash(_dir.File("a.gguf")), hash(_dir.File("c.gguf")));

        var file = GgufReader.Read(_dir.File("a.gguf"));
        var embd = file.FindTensor("token_embd.weight")!;
        var values = TensorDecoder.Decode(embd, file.ReadTensorBytes(embd));
        var mean = values.Average();
        var sd = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.001, 0.001);
        Assert.InRange(sd, 0.0195, 0.0205);
        var q = file.FindTensor("blk.0.attn_q.weight")!;
        Assert.NotEqual(values.Take(64), TensorDecoder.Decode(q, file.ReadTensorBytes(q)).Take(64));
        var norm = file.FindTensor("blk.0.attn_norm.weight")!;
        Assert.All(TensorDecoder.Decode(norm, file.ReadTensorBytes(norm)), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Presets_are_consistent_and_sized_as_documented()
    {
        LlamaModelShape.SmolLm135MLike.Validate();
        LlamaModelShape.Exaone32BLike.Validate();
        Assert.Equal(64, LlamaModelShape.SmolLm135MLike.HeadSize);
        Assert.Equal(192, LlamaModelShape.SmolLm135MLike.KvWidth);
        Assert.InRange(LlamaModelShape.SmolLm135MLike.ParameterCount, 130_000_000, 170_000_000);
        Assert.Equal(128, LlamaModelShape.Exaone32BLike.HeadSize);
        Assert.InRange(LlamaModelShape.Exaone32BLike.ParameterCount, 30_000_000_000, 34_000_000_000);
    }

    [Fact]
    public void Inconsistent_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => (LlamaModelShape.Tiny with { Heads = 5 }).Validate());
        Assert.Throws<ArgumentException>(() => (LlamaModelShape.Tiny with { KvHeads = 3 }).Validate());
        Assert.Throws<ArgumentException>(() => (LlamaModelShape.Tiny with { VocabularySize = 100 }).Validate());
        Assert.Throws<ArgumentException>(() => SyntheticModelWriter.WriteRandom(_dir.File("x.gguf"), LlamaModelShape.Tiny with { FeedForwardWidth = 100 }, GgmlType.Q8_0, 1));
    }
}
