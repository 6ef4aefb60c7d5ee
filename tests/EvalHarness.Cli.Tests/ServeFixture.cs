using EvalHarness.Cli.Serve;
using EvalHarness.Llama.Engine;
using EvalHarness.Llama.Runtime;
using EvalHarness.Testing;

namespace EvalHarness.Cli.Tests;

/// <summary>
/// One tiny generated model, one in-process engine and one loopback server on a free port, shared by the serve tests
/// (loading once keeps them quick). Where the native runtime cannot be had, the tests skip as the engine tests do.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    private string? _problem;
    private TempDirectory? _directory;

    public LlamaEngine Engine { get; private set; } = null!;
    public OpenAiServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _directory = TestPaths.NewTempDirectory();
        var model = CliHarness.TinyModel(_directory.Path);
        // Flash attention off: llama.cpp's CPU flash-attention path rounds through f16, so the same tokens scored in a
        // different batch layout (context and continuation apart in-process, the whole prompt at once behind echo) move
        // by up to ~7e-5 per token — enough to break 1e-4 on a multi-token continuation. Without it they agree to ~1e-9.
        var options = new LlamaEngineOptions
        {
            Runtime = new NativeRuntimeOptions { Device = DeviceChoice.Cpu, LlamaDirectory = Environment.GetEnvironmentVariable(NativeRuntimeOptions.LlamaDirectoryVariable) },
            Context = new LlamaContextOptions { ContextLength = 256, ParallelSequences = 8, BatchSize = 512, Threads = 2, FlashAttention = FlashAttention.Off },
        };
        try
        {
            Engine = LlamaEngine.Load(model, options);
        }
        catch (UserInputException e)
        {
            _problem = $"{e.Message} ({e.Fix})";
            return;
        }
        Server = await OpenAiServer.StartAsync(Engine, new ServeOptions { Port = 0, ModelName = "tiny" });
    }

    /// <summary>Skips (or, in CI, fails) when the engine could not load.</summary>
    public void Require()
    {
        if (_problem is null) return;
        if (Environment.GetEnvironmentVariable("EVALHARNESS_REQUIRE_NATIVE") == "1") Assert.Fail($"llama.cpp runtime unavailable: {_problem}");
        Assert.Skip($"llama.cpp runtime unavailable: {_problem}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        Engine?.Dispose();
        _directory?.Dispose();
    }
}
