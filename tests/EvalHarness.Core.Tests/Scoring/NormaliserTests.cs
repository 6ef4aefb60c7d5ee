using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Tests.Scoring;

public class NormaliserTests
{
    [Theory]
    [InlineData("$1,234.", "1234")]
    [InlineData("1,234", "1234")]
    [InlineData("18.00", "18.00")]
    [InlineData("18.", "18")]
    [InlineData("Natalia sold 48/2 = <<48/2=24>>24 clips.\n#### 72", "72")]
    [InlineData("[invalid]", "[invalid]")]
    [InlineData("ABC", "abc")]
    public void Gsm8k_comparison_normalisation(string input, string expected)
    {
        Assert.Equal(expected, NormalisedExactComparer.Gsm8k.Normalise(input));
    }

    [Fact]
    public void Gsm8k_exact_match_is_a_string_comparison_so_trailing_zeros_matter()
    {
        Assert.True(NormalisedExactComparer.Gsm8k.Matches("$1,234.", "Long solution...\n#### 1234"));
        Assert.False(NormalisedExactComparer.Gsm8k.Matches("18.00", "#### 18"));
        Assert.False(NormalisedExactComparer.Gsm8k.Matches("[invalid]", "#### 18"));
    }

    [Fact]
    public void Regex_remover_applies_patterns_in_order()
    {
        var remover = new RegexRemover("a+", "b");

        Assert.Equal("cc", remover.Remove("aabcabc"));
    }

    [Fact]
    public void Trailing_dot_pattern_only_removes_the_final_dot()
    {
        Assert.Equal("1.5", new RegexRemover(@"\.$").Remove("1.5."));
    }

    [Fact]
    public void Ascii_punctuation_is_what_lm_eval_exact_match_removes()
    {
        Assert.Equal("Hello world", PunctuationRemover.AsciiOnly.Remove("Hello, world!?"));
        Assert.Equal("«ok»", PunctuationRemover.AsciiOnly.Remove("«ok»"));
    }

    [Fact]
    public void Unicode_punctuation_removes_categories_P_but_keeps_symbols()
    {
        var remover = new PunctuationRemover(PunctuationRemover.Scope.Unicode);

        Assert.Equal("ok $5+", remover.Remove("«ok»! $5+"));
    }

    [Fact]
    public void Case_and_whitespace_steps()
    {
        Assert.Equal("mixed case", Lowercase.Instance.Apply("MiXeD Case").Text);
        Assert.Equal("B", Uppercase.Instance.Apply("b").Text);
        Assert.Equal("x y", Strip.Instance.Apply(" \n x y \t").Text);
        Assert.Equal(" two", LeadingSpaceRemover.Instance.Apply("  two").Text);
        Assert.Equal("one", LeadingSpaceRemover.Instance.Apply("one").Text);
    }

    [Theory]
    [InlineData("Answer: **B**", "Answer: B")]
    [InlineData("Answer: $\\boxed{C}$", "Answer: C")]
    [InlineData("Answer: \\boxed{D}", "Answer: D}")]
    [InlineData("Answer: $A$", "Answer: A")]
    public void Markdown_and_latex_wrappers_as_simple_evals(string input, string expected)
    {
        Assert.Equal(expected, LiteralReplacer.MarkdownAndLatexWrappers.Apply(input).Text);
    }

    [Fact]
    public void Chain_runs_steps_in_order_and_describes_them()
    {
        var chain = new FilterChain(new RegexExtractor("#### (.*)"), Lowercase.Instance).Then(Strip.Instance);

        Assert.Equal("abc", chain.Apply("text #### ABC ").Text);
        Assert.Equal("regex(\"#### (.*)\", first) | lowercase | strip", chain.Describe());
        Assert.Equal("identity", FilterChain.Empty.Describe());
        Assert.Equal("same", FilterChain.Empty.Apply("same").Text);
    }
}
