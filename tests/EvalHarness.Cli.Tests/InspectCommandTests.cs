using System.Text.Json;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Testing;

namespace EvalHarness.Cli.Tests;

public class InspectCommandTests
{
    [Fact]
    public async Task Inspect_prints_a_readable_summary_of_a_model()
    {
        using var dir = TestPaths.NewTempDirectory();
        var path = dir.File("tiny.gguf");
        SyntheticModelWriter.WriteRandom(path, LlamaModelShape.Tiny, GgmlType.Q4_0, seed: 5, name: "tiny-inspect");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["inspect", path, "--sha256"], stdout, stderr);

        Assert.Equal(ExitCodes.Success, code);
        var text = stdout.ToString();
        Assert.Contains("tiny-inspect", text);
        Assert.Contains("Q4_0", text);
        Assert.Matches(@"sha256\s+[0-9a-f]{64}", text);
        Assert.Matches(@"layers\s+2", text);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public async Task Inspect_json_is_machine_readable()
    {
        using var dir = TestPaths.NewTempDirectory();
        var path = dir.File("tiny.gguf");
        SyntheticModelWriter.WriteRandom(path, LlamaModelShape.Tiny, GgmlType.F16, seed: 5);
        var stdout = new StringWriter();

        var code = await CliApp.RunAsync(["inspect", path, "--json"], stdout, new StringWriter());

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(LlamaModelShape.Tiny.ParameterCount, json.RootElement.GetProperty("parameterCount").GetInt64());
        Assert.Equal("llama", json.RootElement.GetProperty("architecture").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("sha256").ValueKind);
    }

    [Fact]
    public async Task Inspect_of_a_corrupt_file_is_a_user_error_with_a_fix()
    {
        using var dir = TestPaths.NewTempDirectory();
        var path = dir.File("broken.gguf");
        await File.WriteAllTextAsync(path, "this is not a model", TestContext.Current.CancellationToken);
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["inspect", path], new StringWriter(), stderr);

        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("broken.gguf", stderr.ToString());
        Assert.Contains("not a GGUF file", stderr.ToString());
        Assert.Contains("fix:", stderr.ToString());
    }

    [Fact]
    public async Task Inspect_of_a_missing_file_is_a_user_error()
    {
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["inspect", "/no/such/model.gguf"], new StringWriter(), stderr);

        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("does not exist", stderr.ToString());
    }
}
