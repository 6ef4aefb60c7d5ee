using EvalHarness.Gguf.Reading;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

public class BigramModelTests
{
    private static readonly string[] Words = ["the", "cat", "sat", "on", "mat"];

    private static float[,] Table()
    {
        var table = new float[5, 5];
        for (var i = 0; i < 5; i++)
            for (var j = 0; j < 5; j++)
                table[i, j] = j == (i + 1) % 5 ? 4f : -(i + j) / 4f;
        return table;
    }

    /// <summary>
    /// Replays the forward pass from the file's own tensors (one-hot embedding, zero layer, RMS norm, LM head) and
    /// checks that the logits are the table, so the crafted maths really is in the file llama.cpp will load.
    /// </summary>
    [Fact]
    public void File_reproduces_the_logit_table_through_the_llama_forward_pass()
    {
        using var dir = TestPaths.NewTempDirectory();
        var model = BigramModelWriter.Write(dir.File("bigram.gguf"), Words, Table(), new BigramOptions { AfterBos = [3, 0, 0, 0, 0], EndOfText = [-1, -2, -3, -4, 5] });
        var file = GgufReader.Read(model.Path);
        float[] Tensor(string name) => TensorDecoder.Decode(file.FindTensor(name)!, file.ReadTensorBytes(file.FindTensor(name)!));
        var n = model.EmbeddingWidth;
        var vocab = model.VocabularySize;
        var embedding = Tensor("token_embd.weight");
        var normWeight = Tensor("output_norm.weight");
        var output = Tensor("output.weight");
        var eps = (float)file.Metadata.GetNumber("llama.attention.layer_norm_rms_epsilon")!;
        Assert.Equal(0, n % 32);
        Assert.True(n >= vocab);
        Assert.Equal(n / 32, file.Metadata.GetInteger("llama.attention.head_count"));
        Assert.All(Tensor("blk.0.attn_output.weight"), v => Assert.Equal(0f, v));
        Assert.All(Tensor("blk.0.ffn_down.weight"), v => Assert.Equal(0f, v));

        foreach (var previous in new[] { 1, 2, 100, model.TokenIdOf("the"), model.TokenIdOf("mat") })
        {
            var h = embedding.AsSpan(previous * n, n).ToArray();
            var scale = 1f / MathF.Sqrt(h.Sum(x => x * x) / n + eps);
            var normed = h.Select((x, i) => x * scale * normWeight[i]).ToArray();
            for (var next = 0; next < vocab; next++)
            {
                var logit = 0f;
                for (var i = 0; i < n; i++) logit += output[next * n + i] * normed[i];
                Assert.Equal(model.LogitsAfter(previous)[next], logit, 1e-4f);
            }
        }

        var the = model.TokenIdOf("the");
        Assert.Equal(4f, model.LogitsAfter(the)[model.TokenIdOf("cat")]);
        Assert.Equal(-2f, model.LogitsAfter(model.TokenIdOf("cat"))[2]);
        Assert.Equal(3f, model.LogitsAfter(1)[the]);
        Assert.Equal(-30f, model.LogitsAfter(the)[100]);
        Assert.Equal(model.TokenIdOf("cat"), model.GreedyNext(the));
        Assert.Equal(2, model.GreedyNext(model.TokenIdOf("mat")));
        Assert.Equal(1.0, model.LogProbabilitiesAfter(the).Sum(Math.Exp), 1e-9);
    }

    [Fact]
    public void Word_token_ids_follow_the_tokenizer()
    {
        using var dir = TestPaths.NewTempDirectory();
        var model = BigramModelWriter.Write(dir.File("b.gguf"), Words, Table());

        var ids = SpmTokenizerSimulation.Tokenize(model.Vocabulary, "the cat sat on the mat");

        Assert.Equal(new[] { "the", "cat", "sat", "on", "the", "mat" }.Select(model.TokenIdOf), ids);
        Assert.Throws<ArgumentException>(() => BigramModelWriter.Write(dir.File("c.gguf"), Words, new float[4, 5]));
    }
}
