using EvalHarness.Core.Runs;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Llama.Engine;

namespace EvalHarness.Cli.Tests;

/// <summary>The run sizes the context for its longest RULER sample, or stops before loading when it cannot have it.</summary>
public sealed class ContextFitTests
{
    private static readonly RequiredContext Ruler32K = new(32768 + 128, "ruler", 32768);

    private static LocalRunModel Model(int contextLength) =>
        new("model.gguf", new LlamaEngineOptions { Context = new LlamaContextOptions { ContextLength = contextLength } }, CancellationToken.None);

    [Fact]
    public void Without_ctx_size_the_context_grows_to_the_longest_sample_with_its_answer()
    {
        var model = Model(0);
        model.FitContext(Ruler32K, trainedContext: 131072, TextWriter.Null);
        Assert.Equal(32896, model.EngineOptions.Context.ContextLength);

        var small = Model(0);
        small.FitContext(new RequiredContext(4096 + 128, "ruler", 4096), trainedContext: 131072, TextWriter.Null);
        Assert.Equal(8192, small.EngineOptions.Context.ContextLength);

        // A model trained on 2K keeps the engine's own choice when the samples fit in it.
        var short2K = Model(0);
        short2K.FitContext(new RequiredContext(1024 + 128, "ruler", 1024), trainedContext: 2048, TextWriter.Null);
        Assert.Equal(2048, short2K.EngineOptions.Context.ContextLength);
    }

    [Fact]
    public void A_ctx_size_too_short_is_one_clear_error_and_a_long_enough_one_is_kept()
    {
        var error = Assert.Throws<UserInputException>(() => Model(16384).FitContext(Ruler32K, trainedContext: 131072, TextWriter.Null));
        Assert.Contains("--ctx-size 16384", error.Message);
        Assert.Contains("32896", error.Fix);

        var model = Model(40000);
        model.FitContext(Ruler32K, trainedContext: 131072, TextWriter.Null);
        Assert.Equal(40000, model.EngineOptions.Context.ContextLength);
    }

    [Fact]
    public void A_local_model_reports_the_context_its_file_was_trained_on()
    {
        var directory = Directory.CreateTempSubdirectory("ctx-fit-").FullName;
        try
        {
            var path = Path.Combine(directory, "short.gguf");
            SyntheticModelWriter.WriteRandom(path, LlamaModelShape.Tiny with { ContextLength = 1024 }, GgmlType.F32, seed: 1, name: "short");
            var model = new LocalRunModel(path, new LlamaEngineOptions(), CancellationToken.None);
            Assert.Equal(1024, model.ContextLength(CancellationToken.None));

            // What eval now does with it: samples that fit keep the trained 1K, not an 8K floor.
            model.FitContext(new RequiredContext(512 + 32, "ruler", 512), model.ContextLength(CancellationToken.None), TextWriter.Null);
            Assert.Equal(1024, model.EngineOptions.Context.ContextLength);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Lengths_past_the_trained_context_run_with_a_warning()
    {
        var output = new StringWriter();
        var model = Model(0);
        model.FitContext(Ruler32K, trainedContext: 8192, output);
        Assert.Contains("extrapolation", output.ToString());
        Assert.Equal(32896, model.EngineOptions.Context.ContextLength);
    }
}
