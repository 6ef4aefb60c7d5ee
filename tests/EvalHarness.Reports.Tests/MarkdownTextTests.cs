using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Tests;

public class MarkdownTextTests
{
    [Theory]
    [InlineData("mmlu_pro", "mmlu_pro")]
    [InlineData("_emph_", "\\_emph\\_")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("line1\nline2", "line1 ⏎ line2")]
    [InlineData("<b>*x*</b>", "\\<b\\>\\*x\\*\\</b\\>")]
    public void Escape_neutralises_markdown_but_keeps_identifiers_readable(string input, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(input));

    [Fact]
    public void Code_span_and_fenced_block_are_longer_than_any_backtick_run_inside()
    {
        Assert.Equal("``` `a``b` ```", MarkdownText.Code("`a``b`"));
        Assert.Equal("`````text\n````\ninside\n`````\n", MarkdownText.FencedBlock("````\ninside"));
    }

    [Fact]
    public void Tail_and_head_mark_what_they_cut()
    {
        Assert.Equal("…6789", MarkdownText.Tail("0123456789", 4));
        Assert.Equal("0123…", MarkdownText.Head("0123456789", 4));
        Assert.Equal("short", MarkdownText.Tail("short", 10));
    }
}
