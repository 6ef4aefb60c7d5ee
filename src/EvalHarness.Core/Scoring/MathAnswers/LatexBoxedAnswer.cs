using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.MathAnswers;

/// <summary>
/// Finding the final answer box, following lm-eval's <c>last_boxed_only_string</c> / <c>remove_boxed</c>
/// (tasks/hendrycks_math/utils.py, identical in minerva_math/utils.py), quirks included:
/// a <c>"\boxed "</c> (box then space) anywhere wins and runs to the next <c>$</c>; otherwise the last
/// <c>\boxed</c>, else the last <c>\fbox</c>, is read up to the brace that balances the first one.
/// </summary>
public static class LatexBoxedAnswer
{
    private const string BoxedWithSpace = "\\boxed ";

    private static readonly Regex DisplayMath = new(@"\\\[(.+?)\\\]", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>The whole last box including its command, e.g. <c>\boxed{\frac{1}{2}}</c>, or null.</summary>
    public static string? LastBoxedOnlyString(string text)
    {
        if (text.Contains(BoxedWithSpace, StringComparison.Ordinal))
        {
            var afterLast = text[(text.LastIndexOf(BoxedWithSpace, StringComparison.Ordinal) + BoxedWithSpace.Length)..];
            var dollar = afterLast.IndexOf('$', StringComparison.Ordinal);
            return BoxedWithSpace + (dollar >= 0 ? afterLast[..dollar] : afterLast);
        }

        var start = text.LastIndexOf("\\boxed", StringComparison.Ordinal);
        if (start < 0)
        {
            start = text.LastIndexOf("\\fbox", StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }
        }

        var open = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                open++;
            }
            else if (text[i] == '}')
            {
                open--;
                if (open == 0)
                {
                    return text[start..(i + 1)];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The inside of a box. lm-eval asserts a <c>\boxed{</c> prefix, so an <c>\fbox{…}</c> crashes its
    /// hendrycks_math scorer; we accept <c>\fbox{</c> as well. Anything else returns null.
    /// </summary>
    public static string? RemoveBoxed(string boxed)
    {
        if (boxed.Contains(BoxedWithSpace, StringComparison.Ordinal))
        {
            return boxed.StartsWith(BoxedWithSpace, StringComparison.Ordinal) ? boxed[BoxedWithSpace.Length..] : null;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["\\boxed{", "\\fbox{"])
        {
            if (boxed.StartsWith(prefix, StringComparison.Ordinal) && boxed.EndsWith('}'))
            {
                return boxed[prefix.Length..^1];
            }
        }

        return null;
    }

    /// <summary>The content of the last box in <paramref name="text"/>, or null when there is none.</summary>
    public static string? ExtractLast(string text)
    {
        var boxed = LastBoxedOnlyString(text);
        return boxed is null ? null : RemoveBoxed(boxed);
    }

    /// <summary>hendrycks_math <c>extract_answer</c> after the box: <c>\[…\]</c>, then first…last <c>$</c>, then all.</summary>
    public static string HendrycksFallback(string text)
    {
        var display = DisplayMath.Match(text);
        return display.Success ? display.Groups[1].Value.Trim() : BetweenFirstAndLastDollar(text);
    }

    /// <summary>The text between the first and the last <c>$</c>, or all of it when there are fewer than two.</summary>
    public static string BetweenFirstAndLastDollar(string text)
    {
        var first = text.IndexOf('$', StringComparison.Ordinal);
        var last = text.LastIndexOf('$');
        return first >= 0 && last > first ? text[(first + 1)..last] : text;
    }
}
