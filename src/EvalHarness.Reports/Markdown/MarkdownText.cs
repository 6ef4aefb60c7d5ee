using System.Text;

namespace EvalHarness.Reports.Markdown;

/// <summary>
/// Escaping for text that comes from outside the harness (model output, prompts, targets, names): it must not
/// open emphasis, links, HTML or code, and must not end a table row or cell. Characters that would are
/// backslash-escaped (CommonMark allows this for any ASCII punctuation); line breaks in one-line contexts become
/// a visible "⏎" so a table row stays one line.
/// </summary>
public static class MarkdownText
{
    /// <summary>The punctuation that can change how inline text renders (emphasis, code, links, HTML, tables, entities).</summary>
    private const string Special = "\\`*_[]<>|~&!";

    private const string LineBreakMark = " ⏎ ";

    /// <summary>Inline text, on one line.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length + 8);
        var pendingBreak = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                pendingBreak = true;
                continue;
            }
            if (pendingBreak)
            {
                builder.Append(LineBreakMark);
                pendingBreak = false;
            }
            if (char.IsControl(c) && c != '\t') continue;
            if (Special.Contains(c) && !IsIntraword(text, i)) builder.Append('\\');
            builder.Append(c == '\t' ? ' ' : c);
        }
        if (pendingBreak) builder.Append(LineBreakMark);
        return builder.ToString();
    }

    /// <summary>A table cell: escaped inline text, never empty (an empty cell reads badly as plain text).</summary>
    public static string Cell(string? text) => string.IsNullOrEmpty(text) ? "—" : Escape(text);

    /// <summary>
    /// A code span for identifiers and hashes: delimited by more backticks than any run inside it. A pipe cannot
    /// be escaped inside a code span that sits in a table cell on every renderer, so pipes and line breaks are
    /// replaced by look-alikes ("¦", "⏎") to keep the table intact.
    /// </summary>
    public static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "—";
        var clean = text.Replace("\r\n", "\n").Replace('\n', '⏎').Replace('\r', '⏎').Replace('|', '¦');
        var fence = new string('`', LongestRun(clean, '`') + 1);
        var pad = clean.StartsWith('`') || clean.EndsWith('`') ? " " : "";
        return fence + pad + clean + pad + fence;
    }

    /// <summary>
    /// A fenced code block for verbatim multi-line text (prompts, responses): the fence is longer than any run
    /// of backticks inside, so nothing in the text can close it early.
    /// </summary>
    public static string FencedBlock(string text, string info = "text")
    {
        var normalised = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var fence = new string('`', Math.Max(3, LongestRun(normalised, '`') + 1));
        var body = normalised.EndsWith('\n') ? normalised : normalised + "\n";
        return $"{fence}{info}\n{body}{fence}\n";
    }

    /// <summary>The last <paramref name="maxChars"/> characters, with "…" in front when something was cut.</summary>
    public static string Tail(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text.Length <= maxChars ? text : "…" + text[^maxChars..];
    }

    /// <summary>The first <paramref name="maxChars"/> characters, with "…" after when something was cut.</summary>
    public static string Head(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text.Length <= maxChars ? text : text[..maxChars] + "…";
    }

    /// <summary>A heading anchor-safe title: escaped, single line.</summary>
    public static string Heading(int level, string text) => new string('#', level) + " " + Escape(text);

    /// <summary>
    /// An underscore between two letters or digits (mmlu_pro) cannot open or close emphasis in CommonMark, so it
    /// stays unescaped and identifiers read cleanly as plain text.
    /// </summary>
    private static bool IsIntraword(string text, int i) =>
        text[i] == '_' && i > 0 && i < text.Length - 1 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }
}
