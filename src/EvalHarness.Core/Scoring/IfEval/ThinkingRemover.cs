using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// Removes reasoning before scoring: every <c>&lt;think&gt;…&lt;/think&gt;</c> block, and everything up to a
/// closing tag whose opening tag was part of the prompt (chat templates that open <c>&lt;think&gt;</c> themselves).
/// A response that opens <c>&lt;think&gt;</c> and never closes it ran out of budget mid-thought: it becomes empty,
/// so it fails every instruction instead of being scored on half a thought. Leading whitespace left behind by a
/// removed block is dropped too.
/// </summary>
public static class ThinkingRemover
{
    private const string Open = "<think>";
    private const string Close = "</think>";
    private static readonly Regex Block = new("<think>.*?</think>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static string Remove(string response)
    {
        if (!response.Contains(Open, StringComparison.Ordinal) && !response.Contains(Close, StringComparison.Ordinal)) return response;
        var text = Block.Replace(response, "");
        int strayClose = text.LastIndexOf(Close, StringComparison.Ordinal);
        if (strayClose >= 0) text = text[(strayClose + Close.Length)..];
        if (text.Contains(Open, StringComparison.Ordinal)) return "";
        return text.TrimStart();
    }
}
