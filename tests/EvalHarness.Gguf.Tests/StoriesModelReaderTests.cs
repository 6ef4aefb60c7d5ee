using EvalHarness.Gguf.Format;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

/// <summary>
/// The real tiny model in ../shared. Expected values are what gguf-py's GGUFReader (llama.cpp v0.5.0 tree) reports
/// for this file: 19 keys, 48 tensors, data offset 14176, 292,800 parameters.
/// </summary>
public class StoriesModelReaderTests
{
    private static GgufFile ReadStories() => GgufReader.Read(TestPaths.RequireShared("models", "stories260K.gguf"));

    [Fact]
    public void Header_and_layout_match_gguf_py()
    {
        var file = ReadStories();

        Assert.Equal(3u, file.Version);
        Assert.Equal(19, file.Metadata.Count);
        Assert.Equal(48, file.Tensors.Count);
        Assert.Equal(32, file.Alignment);
        Assert.Equal(14176, file.DataOffset);
        Assert.Equal(1185376, file.FileSize);
        Assert.Equal(292800, file.Tensors.Sum(t => t.ElementCount));
    }

    [Fact]
    public void Metadata_values_match_gguf_py()
    {
        var m = ReadStories().Metadata;

        Assert.Equal("llama", m.GetString("general.architecture"));
        Assert.Equal("llama", m.GetString("tokenizer.ggml.model"));
        Assert.Equal(2048, m.GetInteger("llama.context_length"));
        Assert.Equal(64, m.GetInteger("llama.embedding_length"));
        Assert.Equal(172, m.GetInteger("llama.feed_forward_length"));
        Assert.Equal(8, m.GetInteger("llama.attention.head_count"));
        Assert.Equal(4, m.GetInteger("llama.attention.head_count_kv"));
        Assert.Equal(5, m.GetInteger("llama.block_count"));
        Assert.Equal(8, m.GetInteger("llama.rope.dimension_count"));
        Assert.Equal(1e-5f, (float)m.Get("llama.attention.layer_norm_rms_epsilon")!.Value);
        Assert.Equal(4294967295L, m.GetInteger("tokenizer.ggml.padding_token_id"));
        var tokens = m.GetArray("tokenizer.ggml.tokens")!.As<string>();
        Assert.Equal(512, tokens.Length);
        Assert.Equal("<unk>", tokens[0]);
        var scores = m.GetArray("tokenizer.ggml.scores")!.As<float>();
        Assert.Equal(-252.0f, scores[511]);
        Assert.Equal(2, m.GetArray("tokenizer.ggml.token_type")!.As<int>()[0]);
    }

    [Fact]
    public void Tensor_table_matches_gguf_py()
    {
        var file = ReadStories();

        var embd = file.Tensors[0];
        Assert.Equal("token_embd.weight", embd.Name);
        Assert.Equal([64L, 512L], embd.Dimensions);
        Assert.Equal(GgmlType.F32, embd.Type);
        Assert.Equal(0ul, embd.Offset);
        var ffnDown = file.FindTensor("blk.0.ffn_down.weight")!;
        Assert.Equal([172L, 64L], ffnDown.Dimensions);
        Assert.Equal(355840ul, ffnDown.Offset);
        Assert.Equal(44032, ffnDown.ByteSize);
        var last = file.Tensors[^1];
        Assert.Equal("blk.4.ffn_norm.weight", last.Name);
        Assert.Equal(1170944ul, last.Offset);
        Assert.Equal(file.FileSize, file.AbsoluteOffset(last) + last.ByteSize);
    }
}
