using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Tests.Scoring;

public class RegexExtractorTests
{
    private const string Gsm8kStrict = @"#### (\-?[0-9\.\,]+)";
    private const string Gsm8kFlexible = @"(-?[$0-9.,]{2,})|(-?[0-9]+)";

    [Theory]
    [InlineData("She pays 2 + 3 = 5.\n#### 5", "5")]
    [InlineData("#### -1,234.\nmore text #### 9", "-1,234.")]
    [InlineData("#### 12 then #### 13", "12")]
    public void Strict_gsm8k_takes_the_first_match(string output, string expected)
    {
        Assert.Equal(expected, new RegexExtractor(Gsm8kStrict).Apply(output).Text);
    }

    [Theory]
    [InlineData("Janet sells 16 - 3 - 4 = 9 eggs for $2 each, making $18.", "$18.")]
    [InlineData("So 5 apples", "5")]
    [InlineData("costs $1,234.", "$1,234.")]
    [InlineData("The total is -7", "-7")]
    public void Flexible_gsm8k_takes_the_last_match_and_first_non_empty_group(string output, string expected)
    {
        Assert.Equal(expected, new RegexExtractor(Gsm8kFlexible, MatchSelection.Last).Apply(output).Text);
    }

    [Fact]
    public void No_match_gives_the_lm_eval_fallback_and_a_flag()
    {
        var result = new RegexExtractor(Gsm8kStrict).Apply("I think it is 5.");

        Assert.Equal("[invalid]", result.Text);
        Assert.True(result.Has(AnswerFlags.NoMatch));
    }

    [Fact]
    public void Custom_fallback_is_used()
    {
        Assert.Equal("none", new RegexExtractor("x(y)", fallback: "none").Apply("abc").Text);
    }

    [Fact]
    public void Pattern_without_groups_returns_the_whole_match_stripped()
    {
        Assert.Equal("B", new RegexExtractor(@"\b[A-D]\b").Apply("pick B or C").Text);
        Assert.Equal("ok", new RegexExtractor(@"\s+ok\s+").Apply("is   ok  ").Text);
    }

    [Fact]
    public void Selection_by_index_counts_from_either_end()
    {
        const string text = "1 2 3 4";

        Assert.Equal("2", new RegexExtractor("[0-9]", new MatchSelection(1)).Apply(text).Text);
        Assert.Equal("3", new RegexExtractor("[0-9]", new MatchSelection(-2)).Apply(text).Text);
        Assert.True(new RegexExtractor("[0-9]", new MatchSelection(9)).Apply(text).Has(AnswerFlags.NoMatch));
    }

    [Fact]
    public void A_chosen_capture_group_overrides_the_first_non_empty_rule()
    {
        const string pattern = @"(\d+) apples and (\d+) pears";

        Assert.Equal("3", new RegexExtractor(pattern).Apply("3 apples and 4 pears").Text);
        Assert.Equal("4", new RegexExtractor(pattern, group: 2).Apply("3 apples and 4 pears").Text);
        Assert.Equal("3 apples and 4 pears", new RegexExtractor(pattern, group: 0).Apply("3 apples and 4 pears").Text);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegexExtractor(pattern, group: 3));
    }

    [Fact]
    public void Extraction_keeps_earlier_flags()
    {
        var result = new RegexExtractor("([0-9]+)").Apply(new FilteredText("42", AnswerFlags.Truncated));

        Assert.Equal("42", result.Text);
        Assert.Equal(AnswerFlags.Truncated, result.Flags);
    }

    [Fact]
    public void Describe_names_pattern_and_selection()
    {
        Assert.Equal("regex(\"a(b)\", last)", new RegexExtractor("a(b)", MatchSelection.Last).Describe());
    }
}
