using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// Builds .NET regexes that behave like the reference's Python <c>re</c> patterns. The patterns the checkers use are
/// plain ASCII constructs whose meaning is the same in both engines, except <c>\b</c>, which .NET bases on its own
/// word class (it includes combining marks); <see cref="WordBoundary"/> spells out Python's boundary instead.
/// </summary>
internal static class PythonRegex
{
    private const string PythonWordClass = @"[\p{L}\p{Nd}\p{Nl}\p{No}_]";

    /// <summary>Python's <c>\b</c>: a word character on exactly one side.</summary>
    public const string WordBoundary = "(?:(?<=" + PythonWordClass + ")(?!" + PythonWordClass + ")|(?<!" + PythonWordClass + ")(?=" + PythonWordClass + "))";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Regex Create(string pattern, bool ignoreCase = false, bool multiline = false)
    {
        var options = RegexOptions.CultureInvariant;
        if (ignoreCase) options |= RegexOptions.IgnoreCase;
        if (multiline) options |= RegexOptions.Multiline;
        return new Regex(pattern, options, Timeout);
    }
}
