using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvalHarness.Reports.Tests;

/// <summary>Reads a generated report the way GitHub does (CommonMark + pipe tables), for structural assertions.</summary>
internal static class MarkdownQueries
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    public static IReadOnlyList<HeadingBlock> Headings(MarkdownDocument doc, int level) =>
        doc.Descendants<HeadingBlock>().Where(h => h.Level == level).ToArray();

    /// <summary>The text of an inline container as a reader sees it (escapes resolved, code spans as their content).</summary>
    public static string Text(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new StringBuilder();
        foreach (var child in inline)
        {
            switch (child)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append('\n'); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                case ContainerInline container: text.Append(Text(container)); break;
                case HtmlInline html: text.Append(html.Tag); break;
            }
        }
        return text.ToString();
    }

    public static string Text(HeadingBlock heading) => Text(heading.Inline);

    /// <summary>Each table as rows of cell texts (header first).</summary>
    public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables(MarkdownDocument doc) =>
        doc.Descendants<Table>().Select(table => (IReadOnlyList<IReadOnlyList<string>>)table.OfType<TableRow>()
            .Select(row => (IReadOnlyList<string>)row.OfType<TableCell>()
                .Select(cell => string.Concat(cell.OfType<ParagraphBlock>().Select(p => Text(p.Inline))))
                .ToArray())
            .ToArray()).ToArray();

    /// <summary>The table that follows a level-2 heading (the first table in that section).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FirstTableAfter(MarkdownDocument doc, string heading)
    {
        var blocks = doc.ToList();
        var start = blocks.FindIndex(b => b is HeadingBlock h && h.Level == 2 && Text(h) == heading);
        Assert.True(start >= 0, $"no section '{heading}'");
        var table = blocks.Skip(start + 1).TakeWhile(b => b is not HeadingBlock { Level: <= 2 }).OfType<Table>().FirstOrDefault();
        Assert.NotNull(table);
        return table.OfType<TableRow>().Select(row => (IReadOnlyList<string>)row.OfType<TableCell>()
            .Select(cell => string.Concat(cell.OfType<ParagraphBlock>().Select(p => Text(p.Inline)))).ToArray()).ToArray();
    }

    public static IReadOnlyList<string> ImageUrls(MarkdownDocument doc) =>
        doc.Descendants<LinkInline>().Where(l => l.IsImage).Select(l => l.Url ?? "").ToArray();
}
