using System.Globalization;
using System.Text;

namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// lm-eval's <c>ignore_punctuation</c>. The exact_match metric removes Python's <c>string.punctuation</c>
/// (ASCII only); the multi_choice_regex filter removes every Unicode "P*" category character. Both exist.
/// </summary>
public sealed class PunctuationRemover(PunctuationRemover.Scope scope) : IOutputFilter
{
    public enum Scope
    {
        /// <summary><c>!"#$%&amp;'()*+,-./:;&lt;=&gt;?@[\]^_`{|}~</c> — what lm-eval's exact_match removes.</summary>
        Ascii,
        /// <summary>Unicode punctuation categories (Pc Pd Ps Pe Pi Pf Po); note <c>$</c>, <c>+</c> are symbols, kept.</summary>
        Unicode,
    }

    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static PunctuationRemover AsciiOnly { get; } = new(Scope.Ascii);

    public Scope Kind { get; } = scope;

    public string Describe() => $"remove_punctuation({Kind})";

    public FilteredText Apply(FilteredText input) => input.WithText(Remove(input.Text));

    public string Remove(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsRemoved(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private bool IsRemoved(char c) => Kind == Scope.Ascii
        ? AsciiPunctuation.Contains(c, StringComparison.Ordinal)
        : char.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;
}
