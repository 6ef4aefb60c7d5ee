using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>A fenced block in a model's markdown answer: its info string (language tag, may be empty) and body.</summary>
public sealed partial record MarkdownCodeBlock(string Language, string Body, bool Closed)
{
    private static readonly HashSet<string> PythonTags = new(StringComparer.OrdinalIgnoreCase) { "", "python", "py", "python3", "py3" };

    /// <summary>Tagged python/py/python3 or untagged.</summary>
    public bool IsPython => PythonTags.Contains(Language);

    /// <summary>
    /// Every ``` or ~~~ fenced block, in order. Fences may be indented (models put them in lists); the closing fence
    /// is the same character, at least as long, alone on its line. An unclosed fence (a generation cut off by the
    /// token limit) runs to the end of the text.
    /// </summary>
    public static IReadOnlyList<MarkdownCodeBlock> FindAll(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<MarkdownCodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Opening().Match(lines[i]);
            if (!open.Success) continue;
            var fence = open.Groups["fence"].Value;
            var language = open.Groups["info"].Value.Trim().Split(' ', 2)[0].TrimStart('{', '.').TrimEnd('}');
            var indent = open.Groups["indent"].Value.Length;
            var body = new List<string>();
            var closed = false;
            for (i++; i < lines.Length; i++)
            {
                var trimmed = lines[i].Trim();
                if (trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0])) { closed = true; break; }
                body.Add(Unindent(lines[i], indent));
            }
            blocks.Add(new MarkdownCodeBlock(language, string.Join("\n", body), closed));
        }
        return blocks;
    }

    private static string Unindent(string line, int indent)
    {
        var remove = 0;
        while (remove < indent && remove < line.Length && line[remove] == ' ') remove++;
        return line[remove..];
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Opening();
}
