using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// lm-eval's <c>regex</c> filter (lm_eval/filters/extraction.py, RegexFilter) followed by <c>take_first</c>:
/// find all non-overlapping matches; keep the one <see cref="Selection"/> names; when the pattern has capture
/// groups the value is the first non-empty group (Python's <c>re.findall</c> returns the groups, and lm-eval
/// takes the first truthy one) unless <see cref="Group"/> names one; the value is stripped of surrounding whitespace. No match (or a selection out
/// of range) gives <see cref="Fallback"/> and raises <see cref="AnswerFlags.NoMatch"/>.
/// </summary>
public sealed class RegexExtractor : IOutputFilter
{
    public const string InvalidAnswer = "[invalid]";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    public RegexExtractor(string pattern, MatchSelection selection = default, string fallback = InvalidAnswer, int? group = null)
    {
        Pattern = pattern;
        Selection = selection;
        Fallback = fallback;
        Group = group;
        Regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        CaptureGroupCount = Regex.GetGroupNumbers().Length - 1;
        if (group is < 0 || group > CaptureGroupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(group), $"Pattern \"{pattern}\" has {CaptureGroupCount} capture groups.");
        }
    }

    public string Pattern { get; }

    public MatchSelection Selection { get; }

    public string Fallback { get; }

    /// <summary>A capture group to take instead of lm-eval's first non-empty one (an unmatched group gives "").</summary>
    public int? Group { get; }

    public Regex Regex { get; }

    private int CaptureGroupCount { get; }

    public string Describe() => Group is null
        ? $"regex(\"{Pattern}\", {Selection})"
        : $"regex(\"{Pattern}\", {Selection}, group {Group})";

    public FilteredText Apply(FilteredText input)
    {
        var value = TryExtract(input.Text);
        return value is null
            ? input.WithText(Fallback).WithFlag(AnswerFlags.NoMatch)
            : input.WithText(value);
    }

    /// <summary>The selected match's value, or null when there is none.</summary>
    public string? TryExtract(string text)
    {
        MatchCollection matches;
        try
        {
            matches = Regex.Matches(text);
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological output cannot hang a run; it scores as "no answer found".
            return null;
        }

        var index = Selection.Resolve(matches.Count);
        return index is null ? null : ValueOf(matches[index.Value]).Trim();
    }

    private string ValueOf(Match match)
    {
        if (Group is { } group)
        {
            return match.Groups[group].Value;
        }

        if (CaptureGroupCount == 0)
        {
            return match.Value;
        }

        if (CaptureGroupCount == 1)
        {
            return match.Groups[1].Value;
        }

        // Several groups: Python gives a tuple and lm-eval keeps the first non-empty element.
        for (var g = 1; g <= CaptureGroupCount; g++)
        {
            if (match.Groups[g].Value.Length > 0)
            {
                return match.Groups[g].Value;
            }
        }

        return string.Empty;
    }
}
