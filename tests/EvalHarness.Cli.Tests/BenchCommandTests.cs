using EvalHarness.Testing;

namespace EvalHarness.Cli.Tests;

/// <summary>
/// <c>bench</c> through the real parser on a generated model, without llama.cpp's reference tool (building it takes
/// minutes; the ratios against it are measured by hand and quoted in the issue notes).
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Bench_prints_every_measurement_and_where_generation_time_went()
    {
        var model = CliHarness.TinyModel(_dir.Path);

        var (code, output, error) = await CliHarness.Run(
            "bench", "-m", model, "--device", "cpu", "--no-reference", "-npp", "16", "-ntg", "8", "-npl", "1,3", "--questions", "4", "-t", "1");

        CliHarness.RequireRuntime(code, error);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"\| loglikelihood tokens/s \(vs prompt processing, 128 prompts of 16 per batch\) \| [0-9.]+ \| – \| – \|", output);
        Assert.Matches(@"\| generation tokens/s, 1 parallel \(aggregate\) \| [0-9.]+ \| – \| – \|", output);
        Assert.Matches(@"\| generation tokens/s, 3 parallel \(aggregate\) \| [0-9.]+ \| – \| – \|", output);
        // 8 generated tokens: the first comes with the prompt, the other 7 from decode steps.
        Assert.Matches(@"generation time, 3 parallel: decode steps \d+ ms \(7 steps\), llama_decode \d+ ms, our own work \d+ µs per step", output);
        Assert.Matches(@"loglikelihood time: total \d+ ms, tokenizing \d+ ms, llama_decode \d+ ms, log-softmax \d+ ms \(\d+ tokens for 16 requests\)", output);
    }
}
