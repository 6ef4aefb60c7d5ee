using System.Text.Json.Nodes;
using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;
using EvalHarness.Core.Scoring.IfEval;

namespace EvalHarness.Core.Tests.IfEval;

public sealed class IfEvalScorerTests
{
    private static ScoringTarget Target(string json) => new(["unused"]) { Record = JsonNode.Parse(json)!.AsObject() };

    // Two instructions: no commas, and wrap the response in double quotes.
    private static readonly ScoringTarget TwoInstructions = Target(
        """{"key": 7, "prompt": "p", "instruction_id_list": ["punctuation:no_comma", "startend:quotation"], "kwargs": [{}, {}]}""");

    [Fact]
    public void Catalog_creates_it_with_the_four_metrics_headline_first()
    {
        var scorer = ScorerCatalog.Create("ifeval");

        Assert.Contains("ifeval", ScorerCatalog.Names);
        Assert.Equal("ifeval", scorer.Name);
        Assert.Equal(["prompt_level_strict_acc", "inst_level_strict_acc", "prompt_level_loose_acc", "inst_level_loose_acc"], scorer.MetricNames);
        Assert.Contains("truncated scored as is", scorer.Describe());
    }

    [Fact]
    public void Instruction_level_value_is_the_share_followed_weighted_by_the_instruction_count()
    {
        var score = new IfEvalScorer().Score(TwoInstructions, new GeneratedOutput("Hello, world"));

        Assert.Equal(0.0, score["prompt_level_strict_acc"]);
        Assert.Equal(0.0, score["inst_level_strict_acc"]);
        Assert.Equal(2.0, score.ScoreOf("inst_level_strict_acc").Weight);
        Assert.Equal(1.0, score.ScoreOf("prompt_level_strict_acc").Weight);
        Assert.Equal("[false,false]", score.ExtractedAnswer);

        var half = new IfEvalScorer().Score(TwoInstructions, new GeneratedOutput("\"Hello, world\""));
        Assert.Equal(0.5, half["inst_level_strict_acc"]);
        Assert.Equal("[false,true]", half.ScoreOf("inst_level_loose_acc").ExtractedAnswer);
    }

    [Fact]
    public void Truncated_response_is_scored_as_is_and_flagged_unless_asked_to_score_it_zero()
    {
        var output = new GeneratedOutput("\"No commas at all\"", Truncated: true);

        var asIs = new IfEvalScorer().Score(TwoInstructions, output);
        var zero = new IfEvalScorer(truncatedScoresZero: true).Score(TwoInstructions, output);

        Assert.True(asIs.Truncated);
        Assert.Equal(1.0, asIs["prompt_level_strict_acc"]);
        Assert.Equal(1.0, asIs["inst_level_loose_acc"]);
        Assert.True(zero.Truncated);
        Assert.All(zero.Values, v => Assert.Equal(0.0, v.Value));
        Assert.Equal(2.0, zero.ScoreOf("inst_level_strict_acc").Weight);
        Assert.Equal("[false,false]", zero.ExtractedAnswer);
    }

    [Fact]
    public void Reasoning_is_removed_first_and_an_unclosed_thought_fails_every_instruction()
    {
        var closed = new IfEvalScorer().Score(TwoInstructions, new GeneratedOutput("<think>well, hmm</think>\n\"Fine\""));
        var unclosed = new IfEvalScorer().Score(TwoInstructions, new GeneratedOutput("<think>\"Fine\" is what I would say"));
        var openedByTemplate = new IfEvalScorer(ThinkingMarkers.Think.OpenedByTemplate())
            .Score(TwoInstructions, new GeneratedOutput("well, hmm</think>\n\n\"Fine\""));

        Assert.Equal(1.0, closed["prompt_level_strict_acc"]);
        Assert.Equal("well, hmm", closed.Reasoning);
        Assert.Equal(AnswerFlags.ThinkingUnterminated, unclosed.Flags);
        Assert.All(unclosed.Values, v => Assert.Equal(0.0, v.Value));
        Assert.Equal(1.0, openedByTemplate["prompt_level_loose_acc"]);
    }

    [Fact]
    public void Records_in_the_hugging_face_layout_with_null_padded_kwargs_are_read()
    {
        var target = Target("""{"key": 9, "prompt": "p", "instruction_id_list": ["length_constraints:number_words"], "kwargs": [{"num_words": 3, "relation": "less than", "keywords": null}]}""");

        Assert.Equal(1.0, new IfEvalScorer().Score(target, new GeneratedOutput("two words"))["prompt_level_strict_acc"]);
        Assert.Equal(0.0, new IfEvalScorer().Score(target, new GeneratedOutput("one two three four"))["prompt_level_strict_acc"]);
    }

    [Fact]
    public void A_record_without_instructions_or_a_loglikelihood_output_is_an_error()
    {
        var scorer = new IfEvalScorer();

        Assert.Throws<ArgumentException>(() => scorer.Score(ScoringTarget.Of("x"), new GeneratedOutput("text")));
        Assert.Throws<ArgumentException>(() => scorer.Score(Target("""{"prompt": "p", "instruction_id_list": ["punctuation:no_comma"]}"""), new GeneratedOutput("text")));
        Assert.Throws<ArgumentException>(() => scorer.Score(Target("""{"prompt": "p", "instruction_id_list": ["punctuation:no_comma"], "kwargs": []}"""), new GeneratedOutput("text")));
        Assert.Throws<ArgumentException>(() => scorer.Score(TwoInstructions, new ChoiceLogLikelihoods([-1.0, -2.0])));
        var missingArgument = Target("""{"key": 3, "prompt": "p", "instruction_id_list": ["length_constraints:number_words"], "kwargs": [{}]}""");
        Assert.Throws<UserInputException>(() => scorer.Score(missingArgument, new GeneratedOutput("text")));
    }
}
