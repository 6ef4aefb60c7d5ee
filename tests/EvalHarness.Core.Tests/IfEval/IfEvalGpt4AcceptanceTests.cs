using EvalHarness.Core.Scoring.IfEval;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.IfEval;

/// <summary>
/// Scores Google's example GPT-4 responses (../shared/datasets/ifeval) end to end.
/// </summary>
public sealed class IfEvalGpt4AcceptanceTests(ITestOutputHelper output)
{
    private const string ResponsesFile = "input_response_data_gpt4_20231107_145030.jsonl";

    /// <summary>
    /// Upstream commit 26d8ccd changed prompt 2785 from "at least one placeholder" to "at least 3 placeholders"
    /// after the GPT-4 responses were generated (google-research issues #2259, #3430), so the current
    /// input_data.jsonl has one prompt without a response. The paper's numbers were computed on the old prompt.
    /// </summary>
    private static IReadOnlyList<IfEvalInput> InputsAsPublished(IReadOnlyList<IfEvalInput> inputs) =>
        inputs.Select(input => input.Key != 2785 ? input : input with
        {
            Prompt = input.Prompt.Replace("at least 3 placeholders", "at least one placeholder", StringComparison.Ordinal),
            Kwargs = [input.Kwargs[0], InstructionArguments.FromJson("{\"num_placeholders\": 1}")],
        }).ToList();

    /// <summary>
    /// Zhou et al. 2023 (arXiv:2311.07911), Table 3, GPT-4: prompt-level strict 76.89%, instruction-level strict
    /// 83.57%, prompt-level loose 79.30%, instruction-level loose 85.37%, computed on this response file with the
    /// reference code of November 2023. We land within 0.6 points of each: 2 prompts / 2 instructions (strict) and
    /// 3 prompts / 3 instructions (loose) more are judged followed. Our sentence counts, word_tokenize capital
    /// counts and langdetect verdicts were checked equal to nltk 3.8's Punkt (same parameters) and langdetect 1.0.9
    /// (seed 0; the relevant verdicts are the same under 30 seeds) on all 541 responses, so the gap is attributed
    /// to changes in the reference since the paper, which this test cannot pin. Tolerance: 1 point per metric.
    /// </summary>
    [Fact]
    public void Gpt4ExampleResponses_ScoreWithinOnePointOfThePaper()
    {
        var report = ScoreAsPublished();

        Assert.Equal(541, report.StrictAccuracy.Prompts);
        Assert.Equal(834, report.StrictAccuracy.Instructions);
        Assert.InRange(report.StrictAccuracy.PromptLevel, 0.7689 - 0.01, 0.7689 + 0.01);
        Assert.InRange(report.StrictAccuracy.InstructionLevel, 0.8357 - 0.01, 0.8357 + 0.01);
        Assert.InRange(report.LooseAccuracy.PromptLevel, 0.7930 - 0.01, 0.7930 + 0.01);
        Assert.InRange(report.LooseAccuracy.InstructionLevel, 0.8537 - 0.01, 0.8537 + 0.01);
    }

    /// <summary>
    /// Our own numbers, pinned so that any change in checker semantics shows up here (counts of followed prompts and
    /// instructions out of 541 and 834). Update only with a reason that traces to the reference.
    /// </summary>
    [Fact]
    public void Gpt4ExampleResponses_ScorePinned()
    {
        var report = ScoreAsPublished();
        output.WriteLine($"strict prompt {report.StrictAccuracy.PromptLevel:F4} instruction {report.StrictAccuracy.InstructionLevel:F4}");
        output.WriteLine($"loose  prompt {report.LooseAccuracy.PromptLevel:F4} instruction {report.LooseAccuracy.InstructionLevel:F4}");
        output.WriteLine($"headline {report.Headline:F4}");
        foreach (var (id, accuracy) in IfEvalReport.PerInstruction(report.Strict)) output.WriteLine($"  strict {id} {accuracy:F3}");

        Assert.Equal(PinnedStrictPrompts, report.Strict.Count(r => r.FollowAllInstructions));
        Assert.Equal(PinnedStrictInstructions, report.Strict.Sum(r => r.FollowInstructionList.Count(f => f)));
        Assert.Equal(PinnedLoosePrompts, report.Loose.Count(r => r.FollowAllInstructions));
        Assert.Equal(PinnedLooseInstructions, report.Loose.Sum(r => r.FollowInstructionList.Count(f => f)));
    }

    [Fact]
    public void CurrentInputData_HasOnePromptWithoutAResponse()
    {
        var inputs = IfEvalJsonl.ReadInputs(TestPaths.RequireShared("datasets", "ifeval", "input_data.jsonl"));
        var responses = IfEvalJsonl.ReadResponses(TestPaths.RequireShared("datasets", "ifeval", ResponsesFile));

        var error = Assert.Throws<UserInputException>(() => new IfEvalEvaluator().Evaluate(inputs, responses));
        Assert.Contains("2785", error.Message);

        var report = new IfEvalEvaluator(MissingResponsePolicy.ScoreAsEmpty).Evaluate(inputs, responses);
        Assert.Equal(541, report.Strict.Count);
        Assert.False(report.Strict.Single(r => r.Prompt.Contains("Shinto", StringComparison.Ordinal)).FollowAllInstructions);
    }

    private const int PinnedStrictPrompts = 418, PinnedStrictInstructions = 699, PinnedLoosePrompts = 432, PinnedLooseInstructions = 715;

    private static IfEvalReport ScoreAsPublished()
    {
        var inputs = IfEvalJsonl.ReadInputs(TestPaths.RequireShared("datasets", "ifeval", "input_data.jsonl"));
        var responses = IfEvalJsonl.ReadResponses(TestPaths.RequireShared("datasets", "ifeval", ResponsesFile));
        return new IfEvalEvaluator().Evaluate(InputsAsPublished(inputs), responses);
    }
}
