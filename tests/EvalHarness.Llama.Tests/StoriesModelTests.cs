using EvalHarness.Core.Inference;
using EvalHarness.Llama.Engine;
using EvalHarness.Testing;

namespace EvalHarness.Llama.Tests;

/// <summary>Acceptance on a real trained model: ../shared/models/stories260K.gguf (skipped when absent).</summary>
public sealed class StoriesModelTests
{
    private const string ExpectedContinuation =
        ", there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball.";

    private static LlamaEngine Load(int parallel = 4)
    {
        NativeTestRuntime.Require();
        var path = TestPaths.RequireShared("models", "stories260K.gguf");
        return LlamaEngine.Load(path, new LlamaEngineOptions
        {
            Runtime = NativeTestRuntime.Options,
            Context = new LlamaContextOptions { ContextLength = 256, ParallelSequences = parallel, Threads = 2 },
        });
    }

    [Fact]
    public void Greedy_continuation_matches_llama_cpp()
    {
        using var engine = Load();

        var result = engine.Generate([new GenerationRequest("Once upon a time", SamplingSettings.Greedy(200, " ball."))])[0];

        Assert.Equal(ExpectedContinuation, result.Text + result.StopSequence);
        Assert.Equal(FinishReason.Stop, result.FinishReason);
    }

    [Fact]
    public void Max_tokens_ends_with_length_and_is_flagged_truncated()
    {
        using var engine = Load();

        var result = engine.Generate([new GenerationRequest("Once upon a time", SamplingSettings.Greedy(5))])[0];

        Assert.Equal(FinishReason.Length, result.FinishReason);
        Assert.True(result.Truncated);
        Assert.Equal(5, result.GeneratedTokenCount);
        Assert.StartsWith(result.Text, ExpectedContinuation);
    }

    [Fact]
    public void Tokenize_round_trips_and_adds_bos()
    {
        using var engine = Load();

        var tokens = engine.Tokenize("Once upon a time", addSpecial: true, parseSpecial: false);

        Assert.Equal(engine.Model.Vocabulary.Bos, tokens[0]);
        Assert.Equal(" Once upon a time", " " + engine.Detokenize(tokens.Skip(1).ToArray(), renderSpecial: false).TrimStart());
    }

    [Fact]
    public void Loglikelihood_of_greedy_continuation_is_greedy_and_of_other_text_is_not()
    {
        using var engine = Load();

        var results = engine.Loglikelihood(
        [
            new LoglikelihoodRequest("Once upon a time", ", there was a little girl"),
            new LoglikelihoodRequest("Once upon a time", " purple elephants computed"),
        ]);

        Assert.True(results[0].IsGreedy);
        Assert.False(results[1].IsGreedy);
        Assert.True(results[0].LogProbability > results[1].LogProbability);
        Assert.All(results, r => Assert.True(r.LogProbability < 0));
        Assert.Equal(results[0].TokenLogProbabilities.Sum(), results[0].LogProbability, 9);
    }

    [Fact]
    public void A_spent_thinking_budget_closes_the_reasoning_and_the_model_goes_on_to_answer()
    {
        using var engine = Load();
        var five = engine.Generate([new GenerationRequest("Once upon a time", SamplingSettings.Greedy(5))])[0].Text;
        var budgeted = SamplingSettings.Greedy(20) with { ThinkingBudget = 5 };

        var results = engine.Generate(Enumerable.Repeat(new GenerationRequest("Once upon a time", budgeted), 3).ToArray());

        Assert.All(results, r =>
        {
            Assert.True(r.ThinkingClosedByBudget);
            // The close is tokenized on its own, so an SPM vocabulary (this one) puts its space prefix before it.
            Assert.StartsWith(five, r.Text);
            var afterThinking = r.Text[five.Length..].TrimStart(' ');
            Assert.StartsWith("\n</think>\n\n", afterThinking);
            Assert.True(afterThinking.Length > "\n</think>\n\n".Length, "the model answers after the forced close");
            Assert.Equal(20, r.GeneratedTokenCount);
            Assert.Equal(FinishReason.Length, r.FinishReason);
        });
        Assert.Equal(results[0].Text, results[2].Text);
        var unbudgeted = engine.Generate([new GenerationRequest("Once upon a time", SamplingSettings.Greedy(20))])[0];
        Assert.False(unbudgeted.ThinkingClosedByBudget);
    }
}
