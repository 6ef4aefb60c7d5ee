using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Scoring.Code;
using EvalHarness.Core.Tasks;
using EvalHarness.Core.Tests.Evaluation;
using EvalHarness.Core.Tests.Prompts;

namespace EvalHarness.Core.Tests.CodeTasks;

/// <summary>
/// The humaneval task end to end: real task file and data, a scripted model, the evaluator's scoring workers and the
/// real sandbox. Some answers are the canonical solution, others are wrong in the ways models are wrong.
/// </summary>
public sealed class HumanEvalTaskTests
{
    private const int Problems = 6;

    [Fact]
    public void Completions_score_pass_at_1_as_the_fraction_that_passes_the_tests()
    {
        CodeTaskData.RequireSandbox();
        var data = CodeTaskData.Load("humaneval", "humaneval", Problems);
        var samples = data.Samples;
        // Canonical for 0, 2, 4; a wrong value (1), an exception (3) and an endless loop (5, a timeout) for the rest.
        var answers = new Dictionary<string, string>
        {
            [samples[0].Id] = Canonical(samples[0]),
            [samples[1].Id] = "    return None\n",
            [samples[2].Id] = Canonical(samples[2]),
            [samples[3].Id] = "    raise NotImplementedError()\n",
            [samples[4].Id] = Canonical(samples[4]),
            [samples[5].Id] = "    while True:\n        pass\n",
        };
        var backend = new ScriptedBackend(generate: request => ScriptedBackend.Text(answers[IdOfPrompt(samples, request.Prompt!)]));

        var result = new Evaluator(backend).Evaluate(data, new EvaluationOptions(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Problems, result.Samples);
        Assert.Equal("pass@1", result.Headline.Name);
        Assert.Equal(0.5, result.Headline.Value, 12);
        var passed = result.SampleRecords.Where(r => r.Scores["pass@1"] == 1).Select(r => r.SampleId).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { samples[0].Id, samples[2].Id, samples[4].Id }.Order(StringComparer.Ordinal), passed);
        // The model was asked as lm-eval asks: the prompt itself, the Codex stops, greedy.
        var request = backend.GenerationRequests[0];
        Assert.Contains(request.Prompt, samples.Select(s => CodeTaskData.Text(s, "prompt")));
        Assert.Equal(["\nclass", "\ndef", "\n#", "\nif", "\nprint"], request.Settings.StopSequences);
        Assert.Equal(0f, request.Settings.Temperature);
        Assert.Equal("humaneval", result.Protocol.Scorer);
        Assert.Contains("sandbox: python", result.Protocol.ScorerDescription);
    }

    [Fact]
    public void Chat_answers_in_markdown_are_extracted_and_scored()
    {
        CodeTaskData.RequireSandbox();
        var data = CodeTaskData.Load("humaneval", "humaneval", 4);
        var samples = data.Samples;
        var answers = new Dictionary<string, string>
        {
            // The whole function in a fence, with prose around it.
            [samples[0].Id] = "Here is the solution:\n\n```python\n" + CodeTaskData.Text(samples[0], "prompt") + Canonical(samples[0]) +
                "```\n\nIt compares every pair of numbers.",
            // Only the function, its import dropped, followed by example usage in the same block.
            [samples[1].Id] = "```python\n" + FunctionOnly(samples[1]) + "\n\nprint(" + samples[1].Record.Data["entry_point"] + "('(()) ()'))\n```",
            // A plausible but wrong answer.
            [samples[2].Id] = "Sure!\n```python\ndef truncate_number(number: float) -> float:\n    return round(number)\n```",
            // Reasoning first, then a correct answer.
            [samples[3].Id] = "<think>I should track the balance.</think>\n```py\n" + CodeTaskData.Text(samples[3], "prompt") + Canonical(samples[3]) + "```",
        };
        var backend = new ScriptedBackend(generate: request => ScriptedBackend.Text(answers[IdOfChatPrompt(samples, request.Prompt!)]));
        var options = new EvaluationOptions(Prompt: new PromptOptions(Chat: true, Thinking: ThinkingMode.Off));

        var result = new Evaluator(backend, new FakeChatFormatter()).Evaluate(data, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.75, result.Headline.Value, 12);
        Assert.Equal(0, result.SampleRecords.Single(r => r.SampleId == samples[2].Id).Scores["pass@1"]);
        Assert.StartsWith("<|user|>Please provide a self-contained Python script", backend.GenerationRequests[0].Prompt);
        var first = result.SampleRecords.Single(r => r.SampleId == samples[0].Id);
        Assert.DoesNotContain("It compares", first.ExtractedAnswer);
        Assert.Equal("I should track the balance.", result.SampleRecords.Single(r => r.SampleId == samples[3].Id).Reasoning);
    }

    [Fact]
    public void Truncated_generations_are_flagged()
    {
        CodeTaskData.RequireSandbox();
        var data = CodeTaskData.Load("humaneval", "humaneval", 1);
        var backend = new ScriptedBackend(generate: _ => ScriptedBackend.Text("    return [x for x in", FinishReason.Length));

        var result = new Evaluator(backend).Evaluate(data, new EvaluationOptions(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Truncated);
        Assert.True(result.SampleRecords[0].Truncated);
        Assert.Equal(0, result.Headline.Value);
    }

    [Fact]
    public void Reasoning_that_never_ends_scores_zero_and_is_flagged()
    {
        var data = CodeTaskData.Load("humaneval", "humaneval", 1);
        // With thinking on the template opened the block; the answer never closes it.
        var backend = new ScriptedBackend(generate: _ => ScriptedBackend.Text("Let me think about the pairs", FinishReason.Length));
        var options = new EvaluationOptions(Prompt: new PromptOptions(Chat: true, Thinking: ThinkingMode.On));

        var result = new Evaluator(backend, new FakeChatFormatter()).Evaluate(data, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ThinkingUnterminated);
        Assert.Equal(0, result.Headline.Value);
    }

    internal static string Canonical(Sample sample) => CodeTaskData.Text(sample, "canonical_solution");

    /// <summary>The canonical function without the prompt's imports (chat models often drop them).</summary>
    private static string FunctionOnly(Sample sample)
    {
        var prompt = CodeTaskData.Text(sample, "prompt");
        var lines = prompt.Split('\n').Where(l => !l.StartsWith("from ", StringComparison.Ordinal) && !l.StartsWith("import ", StringComparison.Ordinal));
        return string.Join("\n", lines).TrimStart('\n') + Canonical(sample);
    }

    private static string IdOfPrompt(IReadOnlyList<Sample> samples, string prompt) =>
        samples.Single(s => CodeTaskData.Text(s, "prompt") == prompt).Id;

    private static string IdOfChatPrompt(IReadOnlyList<Sample> samples, string prompt) =>
        samples.Single(s => prompt.Contains(CodeTaskData.Text(s, "prompt").Trim(), StringComparison.Ordinal)).Id;
}
