using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Tests.Scoring;

public class SubstringMatchScorerTests
{
    [Fact]
    public void Match_all_is_the_share_of_references_contained_case_insensitively()
    {
        var scorer = new SubstringMatchScorer(requireAll: true);

        var score = scorer.Score(new ScoringTarget(["1234567", "7654321", "Apple"]),
            new GeneratedOutput(" The special magic numbers are 1234567 and APPLE. "));

        Assert.Equal(2.0 / 3.0, score[SubstringMatchScorer.MatchAll], 1e-12);
        Assert.Equal("The special magic numbers are 1234567 and APPLE.", score.ExtractedAnswer);
    }

    [Fact]
    public void Match_part_is_one_if_any_reference_is_contained()
    {
        var scorer = new SubstringMatchScorer(requireAll: false);

        Assert.Equal(1.0, scorer.Score(new ScoringTarget(["Paris", "paris, france"]), new GeneratedOutput("It is PARIS."))[SubstringMatchScorer.MatchPart]);
        Assert.Equal(0.0, scorer.Score(new ScoringTarget(["Paris"]), new GeneratedOutput("Lyon"))[SubstringMatchScorer.MatchPart]);
    }

    [Fact]
    public void Control_characters_become_newlines_as_ruler_postprocess()
    {
        var result = ControlCharacterReplacer.Instance.Apply("  a\tb\u0001c \r\n");

        Assert.Equal("a\nb\nc", result.Text);
    }

    [Fact]
    public void Truncation_is_flagged_and_by_default_scored_as_ruler_does()
    {
        var target = new ScoringTarget(["42"]);
        var output = new GeneratedOutput("The value is 42 and furthermore", Truncated: true);

        var asRuler = new SubstringMatchScorer(requireAll: true).Score(target, output);
        var strict = new SubstringMatchScorer(requireAll: true, truncatedScoresZero: true).Score(target, output);

        Assert.True(asRuler.Truncated);
        Assert.Equal(1.0, asRuler[SubstringMatchScorer.MatchAll]);
        Assert.Equal(0.0, strict[SubstringMatchScorer.MatchAll]);
    }

    [Fact]
    public void Reasoning_is_removed_and_unterminated_reasoning_scores_zero()
    {
        var scorer = new SubstringMatchScorer(requireAll: true, ThinkingMarkers.Think);

        var answered = scorer.Score(new ScoringTarget(["42"]), new GeneratedOutput("<think>is it 41?</think>41"));
        var unfinished = scorer.Score(new ScoringTarget(["42"]), new GeneratedOutput("<think>the value is 42"));

        Assert.Equal(0.0, answered[SubstringMatchScorer.MatchAll]);
        Assert.Equal(0.0, unfinished[SubstringMatchScorer.MatchAll]);
        Assert.True((unfinished.Flags & AnswerFlags.ThinkingUnterminated) != 0);
    }
}
