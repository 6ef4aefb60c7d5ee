using EvalHarness.Core.Inference;
using EvalHarness.Core.Ruler;
using EvalHarness.Llama.Engine;
using EvalHarness.Testing;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// RULER samples sized with a real model's tokenizer (../shared/models/stories260K.gguf through the llama.cpp
/// runtime): the length RULER counts (prompt + generation reserve) is within 1% of the target by that tokenizer, and a
/// sample made for a context of N tokens runs in exactly that context without losing a prompt token.
/// </summary>
public sealed class RulerTokenizerLengthTests
{
    private static LlamaEngine Load(int contextLength)
    {
        NativeTestRuntime.Require();
        var path = TestPaths.RequireShared("models", "stories260K.gguf");
        return LlamaEngine.Load(path, new LlamaEngineOptions
        {
            Runtime = NativeTestRuntime.Options,
            Context = new LlamaContextOptions { ContextLength = contextLength, ParallelSequences = 1, Threads = 2 },
        });
    }

    private static Func<string, int> Counter(LlamaEngine engine) => text => engine.Tokenize(text, addSpecial: true, parseSpecial: false).Count;

    private static void AssertWithinOnePercent(RulerSample sample, int target, Func<string, int> count)
    {
        Assert.Equal(count(sample.Input), sample.PromptTokens);
        Assert.Equal(sample.PromptTokens + sample.MaxNewTokens, sample.Length);
        Assert.InRange(sample.Length, (int)Math.Ceiling(target * 0.99), target);
    }

    [Theory]
    [InlineData(RulerTask.NiahSingle1, 4096)]
    [InlineData(RulerTask.NiahSingle1, 8192)]
    [InlineData(RulerTask.NiahMultikey2, 16384)] // a distractor needle is ~100 of this tokenizer's tokens: 1% needs ≥ 10K
    [InlineData(RulerTask.VariableTracking, 4096)]
    [InlineData(RulerTask.VariableTracking, 8192)]
    [InlineData(RulerTask.CommonWordsExtraction, 8192)] // its solved example and ten words × 30 alone pass 4K tokens of this tokenizer
    [InlineData(RulerTask.CommonWordsExtraction, 16384)]
    [InlineData(RulerTask.FrequentWordsExtraction, 4096)]
    [InlineData(RulerTask.FrequentWordsExtraction, 8192)]
    [InlineData(RulerTask.KeyValueRetrieval, 16384)]
    public void Length_by_the_model_tokenizer_is_within_one_percent(RulerTask task, int target)
    {
        using var engine = Load(256);
        var count = Counter(engine);
        var generator = new RulerGenerator(new RulerGeneratorOptions { CountTokens = count, Seed = 1 });

        var sample = generator.GenerateOne(task, target, index: 0);

        AssertWithinOnePercent(sample, target, count);
    }

    [Theory]
    [InlineData(RulerTask.NiahSingle2, 4096, 50.0)]
    [InlineData(RulerTask.NiahSingle2, 8192, 10.0)]
    [InlineData(RulerTask.NiahSingle3, 8192, null)]
    [InlineData(RulerTask.NiahMultikey1, 4096, null)]
    [InlineData(RulerTask.NiahMultivalue, 8192, null)]
    [InlineData(RulerTask.NiahMultiquery, 4096, null)]
    public void Essay_tasks_by_the_model_tokenizer_are_within_one_percent(RulerTask task, int target, double? depth)
    {
        using var engine = Load(256);
        var count = Counter(engine);
        var essays = TestPaths.RequireShared("datasets", "niah_paulgraham_essays", "PaulGrahamEssays");
        var generator = new RulerGenerator(new RulerGeneratorOptions { CountTokens = count, EssayDirectory = essays });

        var sample = generator.GenerateOne(task, target, index: 0, depth);

        AssertWithinOnePercent(sample, target, count);
        if (depth is not null) Assert.Equal(depth, sample.Depth);
    }

    [Fact]
    public void A_sample_for_a_1k_context_runs_in_a_1k_context_with_its_whole_prompt()
    {
        using var engine = Load(1024);
        var sample = new RulerGenerator(new RulerGeneratorOptions { CountTokens = Counter(engine) }).GenerateOne(RulerTask.NiahSingle1, 1024, 0);

        var result = engine.Generate([new GenerationRequest(sample.Input, SamplingSettings.Greedy(sample.MaxNewTokens))])[0];

        Assert.False(result.PromptTruncated);
        Assert.Equal(sample.PromptTokens, result.PromptTokenCount);
        Assert.True(result.PromptTokenCount + sample.MaxNewTokens <= engine.ContextLength);
    }
}
