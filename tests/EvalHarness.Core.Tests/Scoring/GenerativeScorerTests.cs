using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Tests.Scoring;

/// <summary>
/// Expected extractions for MMLU-Pro, simple-evals MMLU/GPQA, BBH and GSM8K were checked by running the reference
/// Python (MMLU-Pro extract_answer/extract_again/extract_final, simple-evals normalize_response + re.search,
/// lm-eval RegexFilter) on the same strings. One deliberate difference: "answer: c" extracts "c" in simple-evals
/// (then compared case-sensitively, so wrong); we upper-case it and count it.
/// </summary>
public class GenerativeScorerTests
{
    private const string Gsm8kTarget = "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n#### 72";

    private static SampleScore Gsm8k(string output, string target = Gsm8kTarget, bool truncated = false,
        ThinkingMarkers? thinking = null) =>
        StandardScorers.Gsm8k(thinking).Score(ScoringTarget.Of(target), new GeneratedOutput(output, truncated));

    [Fact]
    public void Gsm8k_strict_and_flexible_are_separate_metrics()
    {
        var both = Gsm8k("48 + 24 = 72\n#### 72");
        var flexibleOnly = Gsm8k("So she sold 72 clips.");

        Assert.Equal(1.0, both[StandardScorers.StrictMatch]);
        Assert.Equal(1.0, both[StandardScorers.FlexibleExtract]);
        Assert.Equal(0.0, flexibleOnly[StandardScorers.StrictMatch]);
        Assert.Equal("[invalid]", flexibleOnly.Values[0].ExtractedAnswer);
        Assert.True((flexibleOnly.Values[0].Flags & AnswerFlags.NoMatch) != 0);
        Assert.Equal(1.0, flexibleOnly[StandardScorers.FlexibleExtract]);
        Assert.Equal("72", flexibleOnly.Values[1].ExtractedAnswer);
        Assert.Equal(AnswerFlags.None, flexibleOnly.Values[1].Flags);
    }

    [Fact]
    public void Gsm8k_dollar_and_thousands_separator_and_trailing_dot_are_ignored()
    {
        var both = Gsm8k("The total is $1,234.\n#### 1,234.", "#### 1234");
        var dollars = Gsm8k("It costs $1,234.", "#### 1234");

        Assert.Equal(1.0, both[StandardScorers.StrictMatch]);
        Assert.Equal(1.0, both[StandardScorers.FlexibleExtract]);
        Assert.Equal(0.0, dollars[StandardScorers.StrictMatch]);
        Assert.Equal("$1,234.", dollars.Values[1].ExtractedAnswer);
        Assert.Equal(1.0, dollars[StandardScorers.FlexibleExtract]);
    }

    [Fact]
    public void Gsm8k_18_point_00_is_not_18()
    {
        var score = Gsm8k("#### 18.00", "#### 18");

        Assert.Equal(0.0, score[StandardScorers.StrictMatch]);
        Assert.Equal(0.0, score[StandardScorers.FlexibleExtract]);
    }

    [Fact]
    public void Truncated_generation_is_wrong_and_flagged_even_with_a_right_answer()
    {
        var score = Gsm8k("#### 72 and then I kept going", truncated: true);

        Assert.True(score.Truncated);
        Assert.All(score.Values, v => Assert.Equal(0.0, v.Value));
        Assert.Equal("72", score.ExtractedAnswer);
    }

    [Fact]
    public void Reasoning_is_removed_before_extraction()
    {
        var score = Gsm8k("<think>maybe #### 70</think>\n#### 72", thinking: ThinkingMarkers.Think);

        Assert.Equal(1.0, score[StandardScorers.StrictMatch]);
        Assert.Equal("maybe #### 70", score.Reasoning);
    }

    [Fact]
    public void Unterminated_reasoning_scores_zero_even_if_an_answer_appears_inside()
    {
        var score = Gsm8k("<think>the answer is #### 72", truncated: true, thinking: ThinkingMarkers.Think);

        Assert.All(score.Values, v => Assert.Equal(0.0, v.Value));
        Assert.True((score.Flags & AnswerFlags.ThinkingUnterminated) != 0);
        Assert.True(score.Truncated);
    }

    [Theory]
    [InlineData("Reasoning...\nAnswer: **B**", "B")]
    [InlineData("reasoning\nanswer: c", "C")]
    [InlineData("ANSWER:A", "A")]
    [InlineData("Answer: $\\boxed{D}$", "D")]
    [InlineData("Answer: A\nOn reflection... Answer: B", "A")]
    [InlineData("Answer:\tC", "C")]
    public void Mmlu_cot_extraction(string output, string expected)
    {
        var score = StandardScorers.MultipleChoiceCot().Score(ScoringTarget.Of(expected), new GeneratedOutput(output));

        Assert.Equal(expected, score.ExtractedAnswer);
        Assert.Equal(1.0, score[StandardScorers.ExactMatch]);
    }

    [Theory]
    [InlineData("The correct option is B.")]
    [InlineData("Answer: E")]
    [InlineData("Answer:\nB")]
    public void Mmlu_cot_without_a_valid_answer_line_is_invalid(string output)
    {
        var score = StandardScorers.MultipleChoiceCot().Score(ScoringTarget.Of("B"), new GeneratedOutput(output));

        Assert.Equal("[invalid]", score.ExtractedAnswer);
        Assert.Equal(0.0, score[StandardScorers.ExactMatch]);
        Assert.True((score.Flags & AnswerFlags.NoMatch) != 0);
    }

    [Fact]
    public void Mmlu_cot_wrong_letter_is_wrong()
    {
        var score = StandardScorers.MultipleChoiceCot().Score(ScoringTarget.Of("B"), new GeneratedOutput("Answer: C"));

        Assert.Equal(0.0, score[StandardScorers.ExactMatch]);
        Assert.Equal("C", score.ExtractedAnswer);
    }

    [Theory]
    [InlineData("Step by step... the answer is (C).", "C")]
    [InlineData("so the answer is J", "J")]
    [InlineData("No phrase.\nAnswer: F\nanswer: G", "F")]
    [InlineData("Final Answer: A, no wait, answer: H", "H")]
    [InlineData("Answer:\nD", "D")]
    [InlineData("I would pick G here.", "G")]
    [InlineData("The answer is (C), not (D).", "C")]
    public void Mmlu_pro_cascade(string output, string expected)
    {
        var score = StandardScorers.MmluPro().Score(ScoringTarget.Of(expected), new GeneratedOutput(output));

        Assert.Equal(expected, score.ExtractedAnswer);
        Assert.Equal(1.0, score[StandardScorers.ExactMatch]);
    }

    [Fact]
    public void Mmlu_pro_answer_is_pattern_is_case_sensitive_on_the_letter()
    {
        // "answer is (c)" fails the first two patterns (A–J only), and the last-letter fallback finds no capital.
        var score = StandardScorers.MmluPro().Score(ScoringTarget.Of("C"), new GeneratedOutput("the answer is (c)"));

        Assert.Equal("[invalid]", score.ExtractedAnswer);
    }

    [Fact]
    public void Bbh_takes_the_rest_of_the_line_after_the_answer_is_less_one_character()
    {
        var scorer = StandardScorers.BbhCot();

        var dotted = scorer.Score(ScoringTarget.Of("False"), new GeneratedOutput("Z = not True = False. So the answer is False."));
        var option = scorer.Score(ScoringTarget.Of("(A)"), new GeneratedOutput("So the answer is (A).\nQ: next"));
        // lm-eval quirk: "(?=.)" always drops the last character, so an answer without a full stop loses a letter.
        var undotted = scorer.Score(ScoringTarget.Of("True"), new GeneratedOutput("So the answer is True"));
        var capitalised = scorer.Score(ScoringTarget.Of("True"), new GeneratedOutput("The answer is True."));

        Assert.Equal(1.0, dotted[StandardScorers.ExactMatch]);
        Assert.Equal(1.0, option[StandardScorers.ExactMatch]);
        Assert.Equal("Tru", undotted.ExtractedAnswer);
        Assert.Equal(0.0, undotted[StandardScorers.ExactMatch]);
        Assert.Equal("[invalid]", capitalised.ExtractedAnswer);
    }

    [Fact]
    public void Any_of_several_reference_answers_counts()
    {
        var scorer = StandardScorers.BbhCot();

        var score = scorer.Score(new ScoringTarget(["valid", "True"]), new GeneratedOutput("the answer is True."));

        Assert.Equal(1.0, score[StandardScorers.ExactMatch]);
    }

    [Fact]
    public void Backend_generation_result_carries_its_truncation()
    {
        var result = new EvalHarness.Core.Inference.GenerationResult(
            "#### 72", EvalHarness.Core.Inference.FinishReason.Length, 50, 256, TimeSpan.FromSeconds(1));

        var output = GeneratedOutput.From(result);

        Assert.True(output.Truncated);
        Assert.Equal("#### 72", output.Text);
    }

    [Fact]
    public void Generative_scorer_rejects_loglikelihood_output()
    {
        Assert.Throws<ArgumentException>(() =>
            StandardScorers.Gsm8k().Score(ScoringTarget.Of("1"), new ChoiceLogLikelihoods([-1.0])));
    }

    [Fact]
    public void Describe_records_the_protocol()
    {
        var description = StandardScorers.Gsm8k(ThinkingMarkers.Think).Describe();

        Assert.Contains("remove_reasoning(<think>…</think>)", description, StringComparison.Ordinal);
        Assert.Contains(@"regex(""#### (\-?[0-9\.\,]+)"", first)", description, StringComparison.Ordinal);
        Assert.Contains("exact_match,flexible-extract", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_creates_every_named_scorer_and_rejects_unknown_names()
    {
        foreach (var name in ScorerCatalog.Names)
        {
            Assert.Equal(name, ScorerCatalog.Create(name).Name);
        }

        var error = Assert.Throws<ArgumentException>(() => ScorerCatalog.Create("gsm9k"));
        Assert.Contains("gsm8k", error.Message, StringComparison.Ordinal);
    }
}
