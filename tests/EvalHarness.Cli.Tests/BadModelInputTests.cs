using EvalHarness.Gguf;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Gguf.Writing;
using EvalHarness.Testing;

namespace EvalHarness.Cli.Tests;

/// <summary>
/// Every kind of bad model input ends in one clear error (naming the input and the fix), exit code 2, and no native
/// crash — checked through the real `generate` command, which validates in C# before llama.cpp sees the file.
/// </summary>
public sealed class BadModelInputTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();
    private readonly string _valid;

    public BadModelInputTests()
    {
        _valid = _dir.File("valid.gguf");
        BigramModelWriter.Write(_valid, ["red", "green", "blue"], new float[3, 3]);
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Code, string Error)> Generate(string model, params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["generate", "--model", model, "--prompt", "red", "--device", "cpu", "-n", "2", .. extra], stdout, stderr);
        return (code, stderr.ToString());
    }

    private async Task AssertRefused(string model, string expectedInMessage, params string[] extra)
    {
        var (code, error) = await Generate(model, extra);
        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains(expectedInMessage, error);
        Assert.Contains("fix:", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public Task Missing_file() => AssertRefused(_dir.File("nope.gguf"), "does not exist");

    [Fact]
    public Task A_directory() => AssertRefused(_dir.Path, "is a directory");

    [Fact]
    public Task Empty_file()
    {
        var path = _dir.File("empty.gguf");
        File.WriteAllBytes(path, []);
        return AssertRefused(path, "empty.gguf");
    }

    [Fact]
    public Task Wrong_magic()
    {
        var path = _dir.File("magic.gguf");
        var bytes = File.ReadAllBytes(_valid);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(path, bytes);
        return AssertRefused(path, "magic.gguf");
    }

    [Fact]
    public Task Random_bytes()
    {
        var path = _dir.File("random.gguf");
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return AssertRefused(path, "random.gguf");
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.9999)]
    public async Task Truncated_file(double keep)
    {
        var path = _dir.File($"truncated-{keep}.gguf");
        var bytes = File.ReadAllBytes(_valid);
        File.WriteAllBytes(path, bytes[..Math.Max(1, (int)(bytes.Length * keep))]);
        await AssertRefused(path, Path.GetFileName(path));
    }

    [Fact]
    public Task Unknown_architecture()
    {
        var path = _dir.File("unknown-arch.gguf");
        var writer = new GgufWriter();
        writer.Metadata.Add("general.architecture", GgufValue.String("no-such-architecture"));
        writer.AddTensor("token_embd.weight", [32, 4], GgmlType.F32, new float[128]);
        writer.WriteTo(path);
        return AssertRefused(path, "'no-such-architecture' model");
    }

    [Fact]
    public Task Vocab_only_file()
    {
        var path = _dir.File("vocab-only.gguf");
        var writer = new GgufWriter();
        LlamaMetadata.Add(writer.Metadata, LlamaModelShape.Tiny, SyntheticVocabulary.Build(LlamaModelShape.Tiny.VocabularySize), "vocab-only", GgmlType.F32);
        writer.WriteTo(path);
        return AssertRefused(path, "vocab-only");
    }

    [Fact]
    public Task A_context_too_large_for_memory() =>
        AssertRefused(_valid, "KV", "--ctx-size", "1000000000", "--parallel", "1");
}
